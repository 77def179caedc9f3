using System.Diagnostics;
using EventHub.Core.Attribution;
using EventHub.Core.Data;
using EventHub.TestSupport;

namespace EventHub.Core.Tests.Attribution;

/// <summary>The non-attribution check on the seed report and on sentences that must, and must not, be flagged.</summary>
public sealed class AttributionCheckerTests
{
    private static string Describe(IEnumerable<AttributionFinding> findings) =>
        string.Join("\n", findings.Select(f => $"{f.Kind} '{f.Text}' -> {f.PointsTo}: {f.Why}"));

    [Fact]
    public void The_seed_report_with_its_on_record_people_consented_passes_clean()
    {
        var findings = AttributionChecker.Check(AttributionCorpus.SeedReport, AttributionCorpus.SeedContext());

        Assert.True(findings.Count == 0, Describe(findings));
    }

    [Fact]
    public void Without_the_consents_the_seed_report_names_its_authors_host_and_study_author()
    {
        var findings = AttributionChecker.Check(AttributionCorpus.SeedReport, AttributionCorpus.SeedContext(onRecord: []));

        var named = findings.Where(f => f.Kind == FindingKind.Name).Select(f => f.Text).ToList();
        Assert.Contains("Constantin Knuhr", named);
        Assert.Contains("Janne Leino", named);
        Assert.Contains("MEP Michael Gahler", named);
        Assert.Contains("Farkhod Aminjonov", named);
        Assert.Contains("Mr Aminjonov", named);
        // "the EPP Group Coordinator" is the host's position: with no consent it identifies him too.
        Assert.Contains(findings, f => f.Kind == FindingKind.Position && f.Text == "the EPP Group Coordinator" && f.PointsTo == "Michael Gahler");
    }

    [Theory]
    [MemberData(nameof(AttributionCorpus.AttributedSentences), MemberType = typeof(AttributionCorpus))]
    public void An_attributed_sentence_inserted_into_the_seed_report_is_flagged_at_its_span(string kind, string expectedText, string sentence)
    {
        var (draft, sentenceStart) = AttributionCorpus.InsertIntoSeed(sentence);

        var findings = AttributionChecker.Check(draft, AttributionCorpus.SeedContext());

        var finding = Assert.Single(findings);
        Assert.Equal(Enum.Parse<FindingKind>(kind), finding.Kind);
        Assert.Equal(expectedText, draft.Substring(finding.Start, finding.Length));
        Assert.Equal(expectedText, finding.Text);
        Assert.Equal(sentenceStart + sentence.IndexOf(expectedText, StringComparison.Ordinal), finding.Start);
        Assert.False(string.IsNullOrWhiteSpace(finding.PointsTo));
        Assert.False(string.IsNullOrWhiteSpace(finding.Why));
        Assert.False(string.IsNullOrWhiteSpace(finding.Suggestion));
    }

    [Theory]
    [MemberData(nameof(AttributionCorpus.OrdinarySentences), MemberType = typeof(AttributionCorpus))]
    public void An_ordinary_sentence_is_not_flagged_although_its_words_match_names_or_acronyms(string sentence)
    {
        var (draft, _) = AttributionCorpus.InsertIntoSeed(sentence);

        var findings = AttributionChecker.Check(draft, AttributionCorpus.SeedContext());

        Assert.True(findings.Count == 0, Describe(findings));
    }

    [Theory]
    [InlineData("Niklas Müller")]
    [InlineData("Niklas Muller")]
    [InlineData("NIKLAS MÜLLER")]
    [InlineData("niklas mueller")]
    [InlineData("Müller")]
    [InlineData("MUELLER")]
    [InlineData("N. Müller")]
    [InlineData("Tomasz Zielinski")]
    [InlineData("TOMASZ ZIELIŃSKI")]
    [InlineData("Laura Fernandez")]
    [InlineData("jelena markovic")]
    public void Names_are_caught_whatever_their_case_and_diacritics(string written)
    {
        var draft = $"In the discussion, {written} made the case for more scholarships.";

        var findings = AttributionChecker.Check(draft, AttributionCorpus.SeedContext());

        var finding = Assert.Single(findings);
        Assert.Equal(FindingKind.Name, finding.Kind);
        Assert.Equal(written, finding.Text);
    }

    [Fact]
    public void Suggestions_are_neutral_and_name_the_sector_when_known()
    {
        var draft = "Niklas Müller spoke first. An official from the EEAS replied. We also heard from the EEAS that funding is short.";

        var findings = AttributionChecker.Check(draft, AttributionCorpus.SeedContext());

        Assert.Collection(
            findings,
            f => Assert.Equal(("Niklas Müller", "Niklas Müller", "a participant from a think tank"), (f.Text, f.PointsTo, f.Suggestion)),
            f => Assert.Equal(("An official from the EEAS", "European External Action Service", "an official from an EU institution"), (f.Text, f.PointsTo, f.Suggestion)),
            f => Assert.Equal(("the EEAS", FindingKind.Organisation, "an EU institution"), (f.Text, f.Kind, f.Suggestion)));
        Assert.Contains("2", findings[1].Why);
    }

    [Fact]
    public void A_name_only_consent_allows_the_name_but_not_the_affiliation_beside_it()
    {
        var context = AttributionCorpus.SeedContext([new OnRecordPermission("Niklas Müller", ConsentScope.NameOnly, [])]);

        Assert.Empty(AttributionChecker.Check("Niklas Müller opened the discussion.", context));

        var draft = "Niklas Müller of the European Policy Centre opened the discussion.";
        var finding = Assert.Single(AttributionChecker.Check(draft, context));
        Assert.Equal(FindingKind.Organisation, finding.Kind);
        Assert.Equal("the European Policy Centre", finding.Text);
        Assert.Equal("Niklas Müller", finding.PointsTo);

        var titled = Assert.Single(AttributionChecker.Check("Ambassador Nurlan Abenov opened the discussion.",
            AttributionCorpus.SeedContext([new OnRecordPermission("Nurlan Abenov", ConsentScope.NameOnly, [])])));
        Assert.Equal((FindingKind.Position, "Ambassador"), (titled.Kind, titled.Text));
    }

    [Fact]
    public void A_name_and_affiliation_consent_allows_both_and_the_organisation_in_that_sentence()
    {
        var context = AttributionCorpus.SeedContext([new OnRecordPermission("Niklas Müller", ConsentScope.NameAndAffiliation, [])]);

        Assert.Empty(AttributionChecker.Check("Niklas Müller of the European Policy Centre opened the discussion.", context));
        // Elsewhere, the organisation that sent two still points to the other, Amanda Rose.
        var finding = Assert.Single(AttributionChecker.Check("Later the European Policy Centre asked for data.", context));
        Assert.Equal("the European Policy Centre", finding.Text);
    }

    [Fact]
    public void A_consent_for_agenda_items_holds_only_in_the_sections_whose_heading_is_one_of_them()
    {
        var context = AttributionCorpus.SeedContext([new OnRecordPermission("Niklas Müller", ConsentScope.NameAndAffiliation, ["Welcome", "Closing remarks"])]);
        var draft = """
            # Report

            ## 1. Welcome

            Niklas Müller welcomed the participants.

            ### Housekeeping

            Niklas Müller explained the Chatham House Rule.

            ## Discussion

            Niklas Müller argued for scholarships.

            ## Closing Remarks

            In closing, Niklas Müller thanked the hosts.
            """;

        var finding = Assert.Single(AttributionChecker.Check(draft, context));

        Assert.Equal(draft.IndexOf("Niklas Müller argued", StringComparison.Ordinal), finding.Start);
        Assert.Equal(FindingKind.Name, finding.Kind);
    }

    [Fact]
    public void A_position_held_by_more_than_k_participants_does_not_identify_but_one_held_by_k_or_fewer_does()
    {
        // Three advisers (the MEP's, NATO's, the OSCE's): a group of three is large enough for k = 2, not for k = 3.
        Assert.Empty(AttributionChecker.Check("An adviser argued that data are scarce.", AttributionCorpus.SeedContext()));
        var finding = Assert.Single(AttributionChecker.Check("An adviser argued that data are scarce.", AttributionCorpus.SeedContext(smallGroupSize: 3)));
        Assert.Equal(FindingKind.Position, finding.Kind);
        Assert.Equal("An adviser", finding.Text);
        Assert.Equal(3, finding.Fits);

        // "A researcher" is a role, not a position: it fits everyone in research, academia and think tanks.
        Assert.Empty(AttributionChecker.Check("A researcher argued that data are scarce.", AttributionCorpus.SeedContext()));
    }

    [Fact]
    public void The_same_surname_held_by_two_people_points_to_both_unless_both_are_on_record()
    {
        var context = AttributionCorpus.SeedContext() with
        {
            Participants = [.. AttributionCorpus.SeedContext().Participants, new AttributionParticipant("Anna Nowak", "Carnegie Europe", "Fellow", ParticipantRole.Attendee)],
        };

        var finding = Assert.Single(AttributionChecker.Check("Nowak disagreed.", context));
        Assert.Equal("Katarzyna Nowak; Anna Nowak", finding.PointsTo);
        Assert.Single(AttributionChecker.Check("Anna Nowak disagreed.", context with { OnRecord = [new OnRecordPermission("Katarzyna Nowak", ConsentScope.NameOnly, [])] }));
        Assert.Empty(AttributionChecker.Check("Katarzyna Nowak disagreed.", context with { OnRecord = [new OnRecordPermission("Katarzyna Nowak", ConsentScope.NameOnly, [])] }));
    }

    [Fact]
    public void Finding_keys_stay_the_same_when_the_draft_is_edited_elsewhere()
    {
        var before = Assert.Single(AttributionChecker.Check("Nowak disagreed.", AttributionCorpus.SeedContext()));
        var after = Assert.Single(AttributionChecker.Check("After a long pause, Nowak disagreed.", AttributionCorpus.SeedContext()));

        Assert.NotEqual(before.Start, after.Start);
        Assert.Equal(before.Key, after.Key);
    }

    [Fact]
    public void Line_and_column_count_from_one()
    {
        Assert.Equal((1, 1), AttributionChecker.LineAndColumn("Nowak", 0));
        Assert.Equal((3, 4), AttributionChecker.LineAndColumn("a\nb\nabcNowak", 7));
    }

    [Fact]
    public void A_ten_thousand_word_draft_against_a_thousand_participants_is_checked_well_within_the_budget()
    {
        var (draft, context) = AttributionWorkload.Create(words: 10_000, participants: 1_000);
        AttributionChecker.Check(draft, context); // warm up

        var clock = Stopwatch.StartNew();
        var findings = AttributionChecker.Check(draft, context);
        clock.Stop();

        Assert.NotEmpty(findings);
        // The 100 ms budget is met in the benchmark (AttributionCheckBenchmark), not here: under a loaded test run wall-clock
        // time says nothing. This catches a check gone quadratic (seconds become minutes), not a slow machine.
        Assert.True(clock.ElapsedMilliseconds < 30_000, $"took {clock.ElapsedMilliseconds} ms");
    }
}
