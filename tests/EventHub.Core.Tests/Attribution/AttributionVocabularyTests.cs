using EventHub.Core.Attribution;
using EventHub.Core.Data;

namespace EventHub.Core.Tests.Attribution;

/// <summary>The vocabulary from nouns to sectors and roles, the name splitting and the seed report's subject matter.</summary>
public sealed class AttributionVocabularyTests
{
    /// <summary>One person per sector or kind of work, and three of everything else: a role noun fits exactly its person.</summary>
    private static AttributionContext OneOfEach()
    {
        var people = new List<AttributionParticipant>
        {
            new("Rosa Reporter", "Daily Courier", "Correspondent", ParticipantRole.Attendee, Sector: Sector.Media),
            new("Dimitri Diplomat", "Embassy of Greece to Belgium", "First Secretary", ParticipantRole.Attendee),
            new("Ada Academic", "University of Vienna", "Lecturer", ParticipantRole.Attendee),
            new("Nina Ngo", "Climate Action Network", "Campaign Lead", ParticipantRole.Attendee, Sector: Sector.CivilSociety),
            new("Lars Lawmaker", "Bundestag", "Member of Parliament", ParticipantRole.Attendee),
            new("Bea Business", "Acme Energy GmbH", "Chief Executive", ParticipantRole.Attendee, Sector: Sector.PrivateSector),
            new("Gerd General", "Bundeswehr", "Major General", ParticipantRole.Attendee),
            new("Eva Economist", "Bank of Finland", "Chief Economist", ParticipantRole.Attendee),
        };
        for (var i = 0; i < 3; i++)
        {
            people.Add(new AttributionParticipant($"Tom Thinker{i}", $"Policy Institute {i}", "Research Fellow", ParticipantRole.Attendee, Sector: Sector.ThinkTank));
        }

        return new AttributionContext(people, [], []);
    }

    [Theory]
    [InlineData("The reporter present asked a question.", "Rosa Reporter")]
    [InlineData("A journalist wondered who would pay.", "Rosa Reporter")]
    [InlineData("The envoy described the mood in Athens.", "Dimitri Diplomat")]
    [InlineData("A diplomat said the visas were coming.", "Dimitri Diplomat")]
    [InlineData("The academic in the room disagreed.", "Ada Academic")]
    [InlineData("The only NGO voice pressed for conditions.", "Nina Ngo")]
    [InlineData("A campaigner reminded everyone of the prisoners.", "Nina Ngo")]
    [InlineData("The lawmaker promised a hearing.", "Lars Lawmaker")]
    [InlineData("A businesswoman said the risks were overstated.", "Bea Business")]
    [InlineData("Someone from the private sector objected.", "Bea Business")]
    [InlineData("A military officer described the threat.", "Gerd General")]
    [InlineData("The economist doubted the forecast.", "Eva Economist")]
    [InlineData("A Greek participant agreed.", "Dimitri Diplomat")]
    public void A_role_noun_for_a_sector_of_one_points_to_that_person(string sentence, string person)
    {
        var finding = Assert.Single(AttributionChecker.Check(sentence, OneOfEach()));

        Assert.Equal(FindingKind.SmallGroup, finding.Kind);
        Assert.Equal(person, finding.PointsTo);
        Assert.Equal(1, finding.Fits);
        Assert.Equal(11, finding.Population);
        Assert.Equal("fits 1 of 11 people", finding.AnonymitySet);
    }

    [Theory]
    [InlineData("A researcher argued that the data were thin.")]
    [InlineData("A think-tank analyst stressed the risks.")]
    [InlineData("Greek officials have long argued for a softer line.")]
    [InlineData("Athens has insisted on this for years.")]
    [InlineData("The region has a bright future, and hope is not naive.")]
    public void A_description_that_fits_three_or_nobody_at_the_meeting_is_clean(string sentence)
    {
        var findings = AttributionChecker.Check(sentence, OneOfEach());

        Assert.True(findings.Count == 0, string.Join("; ", findings.Select(f => $"{f.Kind} '{f.Text}' -> {f.PointsTo}")));
    }

    [Fact]
    public void Athens_speaking_at_the_meeting_is_its_diplomat()
    {
        var finding = Assert.Single(AttributionChecker.Check("Athens insisted on unanimity.", OneOfEach()));

        Assert.Equal(("Athens", "Dimitri Diplomat"), (finding.Text, finding.PointsTo));
    }

    [Theory]
    [InlineData("MEP Michael Gahler (DE), EPP Group Coordinator for Foreign Affairs", "Michael Gahler", "MEP", "DE", "EPP Group Coordinator for Foreign Affairs")]
    [InlineData("Dr. Anna Kis", "Anna Kis", null, null, null)]
    [InlineData("H.E. Ambassador Nurlan Abenov (Kazakhstan)", "Nurlan Abenov", "Ambassador", "KZ", null)]
    [InlineData("Jane Doe, PhD", "Jane Doe", null, null, null)]
    [InlineData("Pieter de Vries", "Pieter de Vries", null, null, null)]
    public void Names_in_the_peoples_data_are_split_into_title_name_country_and_position(string written, string name, string? title, string? country, string? position)
    {
        var parsed = PersonName.Parse(written);

        Assert.Equal((name, title, country, position), (parsed.Name, parsed.Titles, parsed.Country, parsed.Position));
    }

    [Fact]
    public void The_seed_report_is_clean_when_the_OSCE_sent_one_person_because_it_names_the_OSCE_as_subject_matter()
    {
        var seed = AttributionCorpus.SeedContext();
        var context = seed with { Participants = seed.Participants.Where(p => p.Name is not ("Aigerim Sadykova" or "Jean-Marc Lefèvre")).ToList() };

        var findings = AttributionChecker.Check(AttributionCorpus.SeedReport, context);

        Assert.True(findings.Count == 0, string.Join("; ", findings.Select(f => $"{f.Kind} '{f.Text}' -> {f.PointsTo}")));
        Assert.Single(AttributionChecker.Check("According to the OSCE, the border talks stalled.", context));
    }
}
