using System.Reflection;
using System.Text.RegularExpressions;
using EventHub.Core.Auditing;
using EventHub.TestSupport;

namespace EventHub.Core.Tests.Activity;

public sealed partial class AuditSentencesTests
{
    /// <summary>
    /// Every action code the application writes, read from the source: the literals passed to audit.Record (both branches
    /// of a conditional too), and the constants it is given by name, resolved in the Core assembly.
    /// </summary>
    public static IReadOnlySet<string> WrittenActions()
    {
        var constants = typeof(AuditLog).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.Select(f => (string)f.GetRawConstantValue()!).ToList());
        var actions = new SortedSet<string>(StringComparer.Ordinal);
        var unresolved = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            foreach (Match call in RecordCall().Matches(File.ReadAllText(file)))
            {
                var expression = call.Groups["action"].Value.Trim();
                var literals = Literal().Matches(expression).Select(m => m.Groups[1].Value).ToList();
                if (literals.Count > 0)
                {
                    actions.UnionWith(literals);
                }
                else if (constants.TryGetValue(expression.Split('.')[^1], out var values))
                {
                    actions.UnionWith(values);
                }
                else
                {
                    unresolved.Add($"{Path.GetFileName(file)}: {expression}");
                }
            }
        }

        Assert.True(unresolved.Count == 0, "Audit actions this test cannot read (use a literal or a const): " + string.Join("; ", unresolved));
        return actions;
    }

    [Fact]
    public void Every_action_code_the_application_writes_has_a_plain_sentence()
    {
        var written = WrittenActions();

        Assert.True(written.Count > 60, $"Only {written.Count} audit actions found: the source scan is broken.");
        var missing = written.Where(a => !AuditSentences.Knows(a)).ToList();
        Assert.True(missing.Count == 0, "Audit actions without plain words in AuditSentences: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_sentence_reads_as_plain_words_with_and_without_details()
    {
        foreach (var action in AuditSentences.KnownActions)
        {
            foreach (var (actor, details) in new[] { ("Clara Schmidt", "Something specific"), ((string?)null, (string?)null) })
            {
                var sentence = AuditSentences.Describe(action, actor, details);
                Assert.DoesNotContain(action, sentence);
                Assert.True(char.IsUpper(sentence[0]) && sentence.EndsWith('.'), $"{action}: “{sentence}”");
                Assert.DoesNotContain("..", sentence);
            }

            Assert.DoesNotContain(action, AuditSentences.Label(action));
        }
    }

    [Theory]
    [InlineData("registration.approval", "Clara Schmidt", "Anna Weber approved by Host office", "Anna Weber was approved by Host office, decided by Clara Schmidt.")]
    [InlineData("registration.rejected", "Clara Schmidt", "Anna Weber rejected by Organiser: not a policy expert (not told)", "Anna Weber was rejected by Organiser, decided by Clara Schmidt (not a policy expert (not told)).")]
    [InlineData("registration.waitlisted", null, null, "A registration was waitlisted.")]
    [InlineData("registration.tagged", "Clara Schmidt", "Anna Weber: Speaker", "Clara Schmidt tagged Anna Weber with “Speaker”.")]
    [InlineData("registration.offered", null, "Anna Weber offered a freed place until 2026-12-01 09:00:00Z", "Anna Weber was offered a freed place until 2026-12-01 09:00:00Z.")]
    [InlineData("registration.returned-to-vetting", null, "Anna Weber changed organisation, position after approval", "Anna Weber changed their details after approval (organisation, position) and is back in vetting.")]
    [InlineData("report.review-approved", "Marta Host", "Host office approved version 3", "The report was approved by Host office, decided by Marta Host.")]
    [InlineData("door.session.open", "Clara Schmidt", "Door session \"Main entrance\" opened, until 2026-12-09 18:00:00Z", "Clara Schmidt opened a door session for a device: \"Main entrance\", until 2026-12-09 18:00:00Z.")]
    [InlineData("invitations.sent", "Clara Schmidt", "12 invited; 0 do-not-contact skipped; 1 already invited", "Clara Schmidt sent invitations: 12 invited; 0 do-not-contact skipped; 1 already invited.")]
    public void Entries_read_as_sentences(string action, string? actor, string? details, string sentence)
        => Assert.Equal(sentence, AuditSentences.Describe(action, actor, details));

    [GeneratedRegex(@"\baudit\.Record\(\s*\w+\s*,\s*[^,]+?\s*,\s*(?<action>[^,]+?)\s*,", RegexOptions.Singleline)]
    private static partial Regex RecordCall();

    [GeneratedRegex("\"([a-z][a-z0-9.-]*)\"")]
    private static partial Regex Literal();
}
