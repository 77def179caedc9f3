using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.Chunkers;

namespace EventHub.Core.Features.Reports;

public enum DiffKind
{
    Same = 0,
    Removed = 1,
    Added = 2,
}

/// <summary>One run of text in a diff: kept, removed from the older text, or added in the newer.</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>A word-level diff (DiffPlex) of two texts, as runs that read in order: what stayed, what went, what came.</summary>
public sealed record TextComparison(IReadOnlyList<DiffSegment> Segments)
{
    public int WordsAdded => Segments.Where(s => s.Kind == DiffKind.Added).Sum(s => CountWords(s.Text));
    public int WordsRemoved => Segments.Where(s => s.Kind == DiffKind.Removed).Sum(s => CountWords(s.Text));
    public bool Identical => Segments.All(s => s.Kind == DiffKind.Same);

    private static int CountWords(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}

public static partial class TextDiff
{
    /// <summary>Compares word by word; whitespace (line breaks included) is kept as its own piece so both texts rebuild exactly.</summary>
    public static TextComparison Words(string older, string newer)
    {
        var result = Differ.Instance.CreateDiffs(older ?? "", newer ?? "", ignoreWhiteSpace: false, ignoreCase: false, chunker: WordAndSpaceChunker.Instance);
        var a = result.PiecesOld;
        var b = result.PiecesNew;
        // Changes separated only by a space read better as one change ("First words" → "Second paragraph"), not word by word.
        var blocks = new List<(int StartA, int CountA, int StartB, int CountB)>();
        foreach (var block in result.DiffBlocks)
        {
            if (blocks.Count > 0)
            {
                var last = blocks[^1];
                var gapStart = last.StartA + last.CountA;
                var gap = block.DeleteStartA - gapStart;
                if (gap is > 0 and <= 1 && string.IsNullOrWhiteSpace(Join(a, gapStart, gap)))
                {
                    blocks[^1] = (last.StartA, block.DeleteStartA + block.DeleteCountA - last.StartA, last.StartB, block.InsertStartB + block.InsertCountB - last.StartB);
                    continue;
                }
            }

            blocks.Add((block.DeleteStartA, block.DeleteCountA, block.InsertStartB, block.InsertCountB));
        }

        var segments = new List<DiffSegment>();
        int ia = 0;
        foreach (var (startA, countA, startB, countB) in blocks)
        {
            // Unchanged pieces before the block are the same on both sides.
            Add(segments, DiffKind.Same, Join(a, ia, startA - ia));
            Add(segments, DiffKind.Removed, Join(a, startA, countA));
            Add(segments, DiffKind.Added, Join(b, startB, countB));
            ia = startA + countA;
        }

        Add(segments, DiffKind.Same, Join(a, ia, a.Count - ia));
        return new TextComparison(segments);
    }

    private static string Join(IReadOnlyList<string> pieces, int start, int count)
        => count <= 0 ? "" : string.Concat(pieces.Skip(start).Take(count));

    private static void Add(List<DiffSegment> segments, DiffKind kind, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (segments.Count > 0 && segments[^1].Kind == kind)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
            return;
        }

        segments.Add(new DiffSegment(kind, text));
    }

    [GeneratedRegex(@"\s+|[^\s]+")]
    private static partial Regex Pieces();

    private sealed class WordAndSpaceChunker : IChunker
    {
        public static readonly WordAndSpaceChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text) => Pieces().Matches(text).Select(m => m.Value).ToArray();
    }
}
