using EventHub.Core.Attribution;

namespace EventHub.Core.Tests.Attribution;

/// <summary>The test data under Attribution/Data: the seed report, its participants and on-record list, the sentence corpora.</summary>
public static class AttributionCorpus
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Attribution", "Data", name));

    public static string SeedReport => Read("seed-event-report.md");

    /// <summary>The seed's people and organisations plus the organisations whose acronyms are English words.</summary>
    public static AttributionContext SeedContext(IReadOnlyList<OnRecordPermission>? onRecord = null, int smallGroupSize = 2)
    {
        var seed = AttributionCsv.ReadParticipants(Read("seed-participants.csv"));
        var collisions = AttributionCsv.ReadParticipants(Read("collision-participants.csv"));
        Assert.True(seed.Succeeded, string.Join(" ", seed.Errors.SelectMany(e => e.Value)));
        Assert.True(collisions.Succeeded, string.Join(" ", collisions.Errors.SelectMany(e => e.Value)));
        return new AttributionContext(
            [.. seed.Value!.Participants, .. collisions.Value!.Participants],
            [.. seed.Value.Organisations, .. collisions.Value.Organisations],
            onRecord ?? SeedOnRecord(),
            smallGroupSize);
    }

    public static IReadOnlyList<OnRecordPermission> SeedOnRecord()
    {
        var onRecord = AttributionCsv.ReadOnRecord(Read("seed-on-record.csv"));
        Assert.True(onRecord.Succeeded, string.Join(" ", onRecord.Errors.SelectMany(e => e.Value)));
        return onRecord.Value!;
    }

    public static IEnumerable<string> Lines(string name) =>
        Read(name).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#'));

    public static TheoryData<string> OrdinarySentences() => new(Lines("ordinary-sentences.txt"));

    public static TheoryData<string, string, string> AttributedSentences()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in Lines("attributed-sentences.txt"))
        {
            var parts = line.Split(" | ", 3);
            data.Add(parts[0].Trim(), parts[1], parts[2]);
        }

        return data;
    }

    /// <summary>The seed report with a new paragraph after the discussion: returns the draft and where the sentence starts.</summary>
    public static (string Draft, int SentenceStart) InsertIntoSeed(string sentence)
    {
        var seed = SeedReport;
        const string anchor = "which helps the Central Asian countries to strengthen their resilience.";
        var at = seed.IndexOf(anchor, StringComparison.Ordinal);
        Assert.True(at > 0, "The seed report changed: the anchor sentence is gone.");
        at += anchor.Length;
        var insertion = "\n\n" + sentence;
        return (seed.Insert(at, insertion), at + 2);
    }
}
