package io.github.unifiedwriter.log4j2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a {@code <UnifiedWriter>} element should do, restated from {@code docs/configuration.md} without the code
 * that reads it: every attribute with its names, values it accepts and values it refuses, and the rules that
 * refuse or warn about combinations. {@link ConfigurationFuzzTest} checks real configurations against it.
 */
final class ConfigurationOracle
{
    /** An attribute: its canonical name, its other names, and sample values it accepts and refuses. */
    record Attribute(String name, List<String> aliases, List<String> good, List<String> bad)
    {
        List<String> names()
        {
            final List<String> names = new ArrayList<>(List.of(name));
            names.addAll(aliases);
            return names;
        }
    }

    /** One attribute as written in the element. */
    record Written(Attribute attribute, String name, String value)
    {
        boolean good()
        {
            return attribute.good().contains(value);
        }

        String text()
        {
            return name + "=\"" + value + "\"";
        }
    }

    /**
     * @param refused  whether the appender must be refused
     * @param errors   for a refused appender, texts that one ERROR must each contain, per expected ERROR
     * @param warnings for a created appender, the attributes, as written, that must be warned about, and no other
     */
    record Expectation(boolean refused, List<List<String>> errors, Set<String> warnings)
    {
    }

    static final List<Attribute> ATTRIBUTES = List.of(
        attribute("append", "", "true,false,TRUE", "ture,1,yes"),
        attribute("mode", "", "trigger,loop,manual,LOOP", "fast,,-1"),
        attribute("tick", "", "1ms,10ms,0.5s,1000us", "999us,1ns,0ms,10,-5ms,\uFF11ms,soon"),
        attribute("ringSize", "queue,maxQueueSize", "64,100,1024, 128 ,16384",
            "63,0,-1,+128,1.5,\uFF11\uFF10\uFF12\uFF14,abc,99999999999,16777217"),
        attribute("policy", "", "block,drop_newest,skip,drop_oldest,warn,DROP_OLDEST", "drop,,block_forever"),
        attribute("batchSize", "size", "1,16,32,33,64,100,5000", "0,-3,+100,x,1.0,99999999999,\u0661"),
        attribute("flushInterval", "", "1ms,50ms,1s", "0.5ms,100,0s,999999ns,often"),
        attribute("flush", "", "0.05,1,0.001", "0.0001,0,-1,abc"),
        attribute("bufferSize", "", "1,1000,4KB,64 KB,1.5KB,1MB,64k",
            "0,1.9,0.1KB,+100,\uFF11\uFF10\uFF12\uFF14,64XB,2GB,-1KB,1.5"),
        attribute("writerType", "writer", "block,line,mmap,MMAP", "disk,,-1"),
        attribute("regionSize", "", "4KB,64KB,1MB", "4095,0,2GB,huge"),
        attribute("fsync", "", "never,batch,1s,BATCH", "sometimes,0s,100,48h"),
        attribute("async", "async_en", "true,false,FALSE", "1,ture,"),
        attribute("shutdownTimeout", "", "0s,2s,100ms", "5000,-1s,+5s"),
        attribute("deadline", "", "0,2,0.5s", "-1,x"),
        attribute("blockTimeout", "", "none,NONE,0ms,50ms", "100,-1ms,forever"),
        attribute("autoRestart", "", "true,false", "ture,0"),
        attribute("maxRestarts", "", "0,3", "-1,+3,\uFF13,1.5,many"),
        attribute("discardThreshold", "", "info,WARN,error,TRACE", "LOUD,"),
        attribute("triggerLevel", "", "none,ERROR,warn,FATAL", "LOUD,"),
        attribute("jmx", "", "true,false", "on,ture"),
        attribute("ignoreExceptions", "", "true,false", "-1,ture"),
        attribute("filePermissions", "", "rw-r-----,rw-rw-r--", "644,rw-r,"));

    private static final List<String> SEVERITY = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");
    private static final List<String> RING_AND_THREAD = List.of("ringSize", "policy", "batchSize", "mode", "tick",
        "flushInterval", "flush", "blockTimeout", "discardThreshold", "autoRestart", "maxRestarts");

    private ConfigurationOracle()
    {
    }

    static Attribute attribute(final String name)
    {
        return ATTRIBUTES.stream().filter((a) -> a.name().equals(name)).findFirst().orElseThrow();
    }

    /** What an element with these attributes, besides its name and file, must do. */
    static Expectation expect(final List<Written> element)
    {
        final Map<String, List<Written>> byAttribute = new LinkedHashMap<>();
        element.forEach((w) -> byAttribute.computeIfAbsent(w.attribute().name(), (k) -> new ArrayList<>()).add(w));
        final List<List<String>> errors = new ArrayList<>();
        boolean refused = false;

        for (final List<Written> spellings : byAttribute.values())
        {
            if (spellings.size() > 1)
            {
                refused = true;
                final List<String> texts = new ArrayList<>(spellings.stream().map(Written::text).toList());
                texts.add("conflicts");
                errors.add(texts);
            }
        }
        final Set<String> paired = new LinkedHashSet<>();
        for (final String[] pair : new String[][] {{"flushInterval", "flush"}, {"shutdownTimeout", "deadline"}})
        {
            final Written a = single(byAttribute, pair[0]);
            final Written b = single(byAttribute, pair[1]);
            if (byAttribute.containsKey(pair[0]) && byAttribute.containsKey(pair[1]))
            {
                refused = true;
                paired.addAll(List.of(pair));
                if (a != null && b != null)
                {
                    errors.add(List.of(a.name() + "=", b.name() + "=", "conflicts"));
                }
            }
        }
        for (final Map.Entry<String, List<Written>> entry : byAttribute.entrySet())
        {
            final Written only = single(byAttribute, entry.getKey());
            if (only != null && !only.good())
            {
                refused = true;
                if (!paired.contains(entry.getKey()))
                {
                    errors.add(List.of("invalid " + only.text(), "Accepted"));
                }
            }
        }
        if (refused)
        {
            return new Expectation(true, errors, Set.of());
        }

        final Settings s = new Settings(byAttribute);
        if (s.manual && !s.async)
        {
            return new Expectation(true, List.of(List.of(s.shown("mode") + "=", s.shown("async") + "=",
                "conflicts")), Set.of());
        }
        final boolean drops = !s.policy.equals("block") || s.blockTimeout;
        if (s.manual && s.trigger != null && drops && SEVERITY.indexOf(s.trigger) <= SEVERITY.indexOf(s.discard))
        {
            return new Expectation(true, List.of(List.of(s.shown("triggerLevel") + "=", "discardThreshold",
                "conflicts")), Set.of());
        }
        return new Expectation(false, List.of(), warnings(byAttribute, s));
    }

    private static Set<String> warnings(final Map<String, List<Written>> byAttribute, final Settings s)
    {
        final Set<String> warned = new LinkedHashSet<>();
        if (!s.manual && byAttribute.containsKey("triggerLevel"))
        {
            warned.add(s.shown("triggerLevel"));
        }
        if (!s.type.equals("mmap") && byAttribute.containsKey("regionSize"))
        {
            warned.add(s.shown("regionSize"));
        }
        if (!s.async)
        {
            RING_AND_THREAD.stream().filter(byAttribute::containsKey).forEach((a) -> warned.add(s.shown(a)));
            return warned;
        }
        if (!s.mode.equals("loop") && byAttribute.containsKey("tick"))
        {
            warned.add(s.shown("tick"));
        }
        if (!s.policy.equals("block") && byAttribute.containsKey("blockTimeout"))
        {
            warned.add(s.shown("blockTimeout"));
        }
        if (s.policy.equals("block") && !s.blockTimeout && byAttribute.containsKey("discardThreshold"))
        {
            warned.add(s.shown("discardThreshold"));
        }
        if (!s.autoRestart && byAttribute.containsKey("maxRestarts"))
        {
            warned.add(s.shown("maxRestarts"));
        }
        if (byAttribute.containsKey("batchSize") && s.batch > s.slots / 2)
        {
            warned.add(s.shown("batchSize"));
        }
        return warned;
    }

    private static Written single(final Map<String, List<Written>> byAttribute, final String name)
    {
        final List<Written> spellings = byAttribute.get(name);
        return spellings != null && spellings.size() == 1 ? spellings.get(0) : null;
    }

    private static Attribute attribute(final String name, final String aliases, final String good, final String bad)
    {
        return new Attribute(name, split(aliases), split(good), split(bad));
    }

    private static List<String> split(final String values)
    {
        return values.isEmpty() ? List.of() : List.of(values.split(",", -1));
    }

    /** The values in effect, defaults included, of an element whose every value is good. */
    private static final class Settings
    {
        final Map<String, List<Written>> byAttribute;
        final String mode;
        final boolean manual;
        final boolean async;
        final String policy;
        final boolean blockTimeout;
        final String trigger;
        final String discard;
        final String type;
        final boolean autoRestart;
        final int slots;
        final long batch;

        Settings(final Map<String, List<Written>> byAttribute)
        {
            this.byAttribute = byAttribute;
            mode = value("mode", "trigger");
            manual = mode.equals("manual");
            async = Boolean.parseBoolean(value("async", "true"));
            final String p = value("policy", "block");
            policy = p.equals("skip") ? "drop_newest" : p;
            blockTimeout = !value("blockTimeout", "none").equals("none");
            final String t = value("triggerLevel", "none").toUpperCase(Locale.ROOT);
            trigger = t.equals("NONE") ? null : t;
            discard = value("discardThreshold", "INFO").toUpperCase(Locale.ROOT);
            type = value("writerType", "block");
            autoRestart = Boolean.parseBoolean(value("autoRestart", "true"));
            final int ring = Integer.parseInt(value("ringSize", "16384"));
            slots = Integer.highestOneBit(ring - 1) << 1;
            batch = Long.parseLong(value("batchSize", "1024"));
        }

        String shown(final String attribute)
        {
            final List<Written> spellings = byAttribute.get(attribute);
            return spellings == null ? attribute : spellings.get(0).name();
        }

        private String value(final String attribute, final String otherwise)
        {
            final List<Written> spellings = byAttribute.get(attribute);
            return spellings == null ? otherwise : spellings.get(0).value().trim().toLowerCase(Locale.ROOT);
        }
    }
}
