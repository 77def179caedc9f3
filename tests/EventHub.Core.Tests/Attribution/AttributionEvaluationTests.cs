using System.Text;
using EventHub.Core.Attribution;
using Xunit.Abstractions;

namespace EventHub.Core.Tests.Attribution;

/// <summary>
/// The evaluation corpus (Data/evaluation): labelled breaches and clean sentences about a meeting of 39 people, each checked
/// inside the meeting's report. Recall by kind, and no finding at all on a clean sentence.
/// </summary>
public sealed class AttributionEvaluationTests(ITestOutputHelper output)
{
    public sealed record Item(int Line, bool Breach, string Kind, IReadOnlyList<string> PointsTo, string Sentence);

    public static IReadOnlyList<Item> Items()
    {
        var items = new List<Item>();
        var lines = AttributionCorpus.Read(Path.Combine("evaluation", "corpus.txt")).Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(" | ", 4);
            Assert.True(parts.Length == 4 && parts[0] is "B" or "C", $"corpus.txt line {n + 1} is not 'B|C | kind | people | sentence'.");
            var people = parts[2].Trim() == "-" ? [] : parts[2].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            items.Add(new Item(n + 1, parts[0] == "B", parts[1].Trim(), people, parts[3].Trim()));
        }

        return items;
    }

    public static AttributionContext Context()
    {
        var participants = AttributionCsv.ReadParticipants(AttributionCorpus.Read(Path.Combine("evaluation", "participants.csv")));
        var onRecord = AttributionCsv.ReadOnRecord(AttributionCorpus.Read(Path.Combine("evaluation", "on-record.csv")));
        Assert.True(participants.Succeeded, string.Join(" ", participants.Errors.SelectMany(e => e.Value)));
        Assert.True(onRecord.Succeeded, string.Join(" ", onRecord.Errors.SelectMany(e => e.Value)));
        return new AttributionContext(participants.Value!.Participants, participants.Value.Organisations, onRecord.Value!);
    }

    private static string BaseReport => AttributionCorpus.Read(Path.Combine("evaluation", "base-report.md"));

    /// <summary>The sentence as a paragraph of the discussion; returns the draft and the sentence's span.</summary>
    private static (string Draft, int Start, int End) Insert(string sentence)
    {
        const string anchor = "as much as money.";
        var report = BaseReport;
        var at = report.IndexOf(anchor, StringComparison.Ordinal) + anchor.Length;
        var draft = report.Insert(at, "\n\n" + sentence);
        return (draft, at + 2, at + 2 + sentence.Length);
    }

    [Fact]
    public void The_corpus_is_big_and_varied_enough()
    {
        var items = Items();
        Assert.True(items.Count >= 150, $"{items.Count} items");
        Assert.True(items.Count(i => i.Breach) >= 75 && items.Count(i => !i.Breach) >= 75);
        Assert.Equal(39, Context().Participants.Count);
    }

    [Fact]
    public void The_meetings_report_without_additions_is_clean()
    {
        var findings = AttributionChecker.Check(BaseReport, Context());

        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => $"{f.Kind} '{f.Text}' -> {f.PointsTo}")));
    }

    [Fact]
    public void Recall_is_at_least_95_percent_and_no_clean_sentence_is_flagged()
    {
        var context = Context();
        var names = context.Participants.ToDictionary(p => PersonName.Parse(p.Name).Name, p => p.OrganisationName ?? "");
        var report = new StringBuilder();
        var missed = new List<string>();
        var falseAlarms = new List<string>();
        var byKind = new SortedDictionary<string, (int Items, int Right)>(StringComparer.Ordinal);

        foreach (var item in Items())
        {
            var (draft, start, end) = Insert(item.Sentence);
            var findings = AttributionChecker.Check(draft, context);
            var inside = findings.Where(f => f.Start >= start && f.Start < end).ToList();
            var outside = findings.Except(inside).ToList();
            Assert.True(outside.Count == 0, $"line {item.Line}: a finding outside the sentence: {string.Join("; ", outside.Select(f => f.Text))}");

            bool Right()
            {
                if (!item.Breach)
                {
                    return inside.Count == 0;
                }

                return inside.Any(f => item.PointsTo.Any(person => f.PointsTo.Contains(person, StringComparison.Ordinal)
                                                                  || (names.TryGetValue(person, out var organisation) && organisation.Length > 0 && f.PointsTo.Contains(organisation, StringComparison.Ordinal))));
            }

            var right = Right();
            var key = (item.Breach ? "breach: " : "clean: ") + item.Kind;
            var (count, correct) = byKind.GetValueOrDefault(key);
            byKind[key] = (count + 1, correct + (right ? 1 : 0));
            if (!right)
            {
                var detail = $"line {item.Line} [{item.Kind}] {item.Sentence} => {(inside.Count == 0 ? "no finding" : string.Join("; ", inside.Select(f => $"{f.Kind} '{f.Text}' -> {f.PointsTo}")))}";
                (item.Breach ? missed : falseAlarms).Add(detail);
            }
        }

        foreach (var (kind, (count, correct)) in byKind)
        {
            report.AppendLine($"{kind,-28} {correct,3} / {count,3}");
        }

        var breaches = byKind.Where(k => k.Key.StartsWith("breach", StringComparison.Ordinal)).Select(k => k.Value).ToList();
        var caught = breaches.Sum(b => b.Right);
        var total = breaches.Sum(b => b.Items);
        var recall = (double)caught / total;
        report.AppendLine($"recall {caught}/{total} = {recall:P1}; false alarms on clean sentences: {falseAlarms.Count}");
        report.AppendLine("missed:").AppendJoin('\n', missed).AppendLine().AppendLine("false alarms:").AppendJoin('\n', falseAlarms);
        output.WriteLine(report.ToString());

        Assert.True(falseAlarms.Count == 0, report.ToString());
        Assert.True(recall >= 0.95, report.ToString());
    }
}
