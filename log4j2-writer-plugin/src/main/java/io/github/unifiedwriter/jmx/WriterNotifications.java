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
                + "normally again. The user data is the new state: RUNNING, RESTARTING, SYNC_FALLBACK or RESTARTED.")
        };
    }
}
