package io.github.unifiedwriter.docs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A Markdown table read from a page: the rows after the header that starts with the given first column. */
final class MarkdownTable
{
    private final List<String> header;
    private final Map<String, List<String>> rows;

    private MarkdownTable(final List<String> header, final Map<String, List<String>> rows)
    {
        this.header = header;
        this.rows = rows;
    }

    /**
     * @param page        the page's Markdown
     * @param firstColumn the header's first cell, such as {@code attribute}
     * @throws IllegalArgumentException if the page has no such table
     */
    static MarkdownTable read(final String page, final String firstColumn)
    {
        final List<String> lines = page.lines().collect(Collectors.toList());
        for (int i = 0; i < lines.size(); i++)
        {
            final List<String> cells = cells(lines.get(i));
            if (!cells.isEmpty() && cells.get(0).equals(firstColumn))
            {
                final Map<String, List<String>> rows = new LinkedHashMap<>();
                for (int r = i + 2; r < lines.size() && lines.get(r).startsWith("|"); r++)
                {
                    final List<String> row = cells(lines.get(r));
                    if (rows.put(row.get(0), row) != null)
                    {
                        throw new IllegalArgumentException("two rows for " + row.get(0));
                    }
                }
                return new MarkdownTable(cells, rows);
            }
        }
        throw new IllegalArgumentException("no table starting with the column " + firstColumn);
    }

    /** The first cells of the rows, in order, without their backticks. */
    List<String> keys()
    {
        return rows.keySet().stream().map(MarkdownTable::plain).collect(Collectors.toList());
    }

    /** The cell of the row whose first cell, without backticks, is {@code key}. */
    String cell(final String key, final String column)
    {
        final int index = header.indexOf(column);
        if (index < 0)
        {
            throw new IllegalArgumentException("no column " + column + " in " + header);
        }
        for (final Map.Entry<String, List<String>> row : rows.entrySet())
        {
            if (plain(row.getKey()).equals(key))
            {
                return row.getValue().get(index);
            }
        }
        throw new IllegalArgumentException("no row " + key);
    }

    /** The backticked words of a cell, such as {@code `queue`, `maxQueueSize`}; none for a dash. */
    static List<String> quoted(final String cell)
    {
        final List<String> words = new ArrayList<>();
        final String[] parts = cell.split("`");
        for (int i = 1; i < parts.length; i += 2)
        {
            words.add(parts[i]);
        }
        return words;
    }

    /** The cell without backticks. */
    static String plain(final String cell)
    {
        return cell.replace("`", "").trim();
    }

    private static List<String> cells(final String line)
    {
        final String trimmed = line.trim();
        if (!trimmed.startsWith("|") || !trimmed.endsWith("|"))
        {
            return List.of();
        }
        return Arrays.stream(trimmed.substring(1, trimmed.length() - 1).split("\\|", -1)).map(String::trim)
            .collect(Collectors.toList());
    }
}
