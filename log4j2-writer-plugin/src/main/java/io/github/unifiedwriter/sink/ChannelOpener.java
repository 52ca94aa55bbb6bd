package io.github.unifiedwriter.sink;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;

/** Opens the channel under a sink: the one place where a faulty channel can be put in its way. */
@FunctionalInterface
interface ChannelOpener
{
    ChannelOpener FILES = FileChannel::open;

    FileChannel open(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attributes) throws IOException;
}
