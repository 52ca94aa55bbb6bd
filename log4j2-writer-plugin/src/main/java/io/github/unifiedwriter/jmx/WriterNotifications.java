package io.github.unifiedwriter.jmx;

import javax.management.MBeanNotificationInfo;
import javax.management.Notification;

/**
 * The notifications a bean sends, declared so that JConsole lists them and lets an operator subscribe.
 *
 * <p>Threads: any; constants only.
 */
public final class WriterNotifications
{
    /** Records were dropped; user data is the {@link Long} count since the previous such notification. */
    public static final String DROPPED = "io.github.unifiedwriter.dropped";
    /** The writer's health changed; user data is the new {@link WriterState}'s name. */
    public static final String STATE = "io.github.unifiedwriter.state";
    /** The file rolled; user data is the {@link Long} count of rollovers since the previous such notification. */
    public static final String ROLLOVER = "io.github.unifiedwriter.rollover";
    /** Archiving a rolled file failed; user data is the {@link Long} count of failures since the previous one. */
    public static final String COMPRESSION_FAILED = "io.github.unifiedwriter.compressionFailed";

    private WriterNotifications()
    {
    }

    /** A fresh array each call: MBeanNotificationInfo arrays are mutable. */
    static MBeanNotificationInfo[] infos()
    {
        return new MBeanNotificationInfo[]
        {
            new MBeanNotificationInfo(new String[] {DROPPED}, Notification.class.getName(),
                "Records were dropped because the ring was full. At most one per second; the user data is "
                + "the number of records dropped since the previous one."),
            new MBeanNotificationInfo(new String[] {STATE}, Notification.class.getName(),
                "The writer restarted after sink errors, fell back to synchronous writes, restarted, or runs "
                + "normally again. The user data is the new state: RUNNING, RESTARTING, SYNC_FALLBACK or RESTARTED."),
            new MBeanNotificationInfo(new String[] {ROLLOVER}, Notification.class.getName(),
                "The file rolled. The user data is the number of rollovers since the previous one; the message "
                + "names the file now written."),
            new MBeanNotificationInfo(new String[] {COMPRESSION_FAILED}, Notification.class.getName(),
                "Renaming, compressing or purging a rolled file failed; the file is kept as it is. The user data "
                + "is the number of failures since the previous one; the status log has each failure.")
        };
    }
}
