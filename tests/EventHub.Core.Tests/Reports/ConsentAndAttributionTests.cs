using System.Text.RegularExpressions;
using EventHub.Core.Attribution;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Reports;
using EventHub.Core.Tests.Vetting;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Reports;

public sealed class ConsentAndAttributionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_consent_requested_by_email_is_confirmed_through_the_personal_link_and_every_step_is_audited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        var closing = await AddAgendaItemAsync(s, "Closing remarks", ConfidentialityLevel.OnTheRecord);
        var janne = await s.AddRegistrationAsync("Janne Leino", "janne@kas.example", "KAS MDPD", status: RegistrationStatus.Approved);
        var rapporteur = await s.AddTeamMemberAsync("rita@kas.example", EventRole.Rapporteur);

        // A rapporteur cannot ask; bad input names the field and writes nothing.
        var byRapporteur = await s.InScopeAsync(sp => sp.GetRequiredService<RequestConsent>().ExecuteAsync(rapporteur, s.EventId, new ConsentForm { RegistrationId = janne.Id }));
        var noEmail = await s.InScopeAsync(sp => sp.GetRequiredService<RequestConsent>().ExecuteAsync(s.Organiser, s.EventId, new ConsentForm { Name = "Farkhod Aminjonov" }));
        var foreignItem = await s.InScopeAsync(sp => sp.GetRequiredService<RequestConsent>().ExecuteAsync(s.Organiser, s.EventId, new ConsentForm { RegistrationId = janne.Id, AgendaItemIds = [Guid.NewGuid()] }));
        Assert.Equal(OutcomeStatus.Forbidden, byRapporteur.Status);
        Assert.Equal("Enter the email address the request should go to.", noEmail.Errors["Email"].Single());
        Assert.Equal("Choose agenda items of this event.", foreignItem.Errors["AgendaItemIds"].Single());

        var requested = await s.InScopeAsync(sp => sp.GetRequiredService<RequestConsent>().ExecuteAsync(s.Organiser, s.EventId,
            new ConsentForm { RegistrationId = janne.Id, Affiliation = "Programme Manager Foreign and Security Policy, KAS MDPD", AgendaItemIds = [closing] }));
        Assert.True(requested.Succeeded, string.Join("; ", requested.Errors.SelectMany(e => e.Value)));

        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var consent = await db.OnRecordConsents.AsNoTracking().SingleAsync();
            Assert.Equal(ConsentStatus.Requested, consent.Status);
            Assert.Equal("janne@kas.example", consent.Email);
            Assert.Equal([closing], consent.AgendaItemIds);
            var email = await db.OutboundEmails.AsNoTracking().SingleAsync(m => m.CorrelationKey == $"consent:{consent.Id}:request");
            Assert.Equal("janne@kas.example", email.ToAddress);
            Assert.Contains("“Closing remarks”", email.TextBody);
            Assert.Contains("by your name and affiliation (Programme Manager Foreign and Security Policy, KAS MDPD)", email.TextBody);
            var token = Regex.Match(email.TextBody, @"/consent/([A-Za-z0-9_-]{43})").Groups[1].Value;
            Assert.Equal(PersonalToken.Hash(token), consent.RequestTokenHash);

            var open = host.Scoped.GetRequiredService<OpenConsentRequest>();
            Assert.Null(await open.ExecuteAsync(token[..42] + (token[42] == 'A' ? "B" : "A")));
            Assert.Null(await open.ExecuteAsync("not-a-token"));
            var view = await open.ExecuteAsync(token);
            Assert.Equal("Janne Leino", view!.Name);
            Assert.Equal(["Closing remarks"], view.AgendaItems);
            Assert.Equal(ConsentStatus.Requested, view.Status);

            var answer = host.Scoped.GetRequiredService<AnswerConsentRequest>();
            Assert.Equal(OutcomeStatus.NotFound, (await answer.ExecuteAsync((token[0] == 'x' ? "y" : "x") + token[1..], ConsentAnswer.Confirm)).Status);
            Assert.Equal(ConsentStatus.Confirmed, (await answer.ExecuteAsync(token, ConsentAnswer.Confirm)).Value);
            Assert.Equal(ConsentStatus.Confirmed, (await answer.ExecuteAsync(token, ConsentAnswer.Confirm)).Value);
        }

        // Confirmed: an on-record permission in the check's context, for the closing remarks only.
        var context = (await s.InScopeAsync(sp => sp.GetRequiredService<BuildAttributionContext>().ExecuteAsync(rapporteur, s.EventId))).Value!;
        var permission = Assert.Single(context.OnRecord);
        Assert.Equal("Janne Leino", permission.Name);
        Assert.Equal(ConsentScope.NameAndAffiliation, permission.Scope);
        Assert.Equal(["Closing remarks"], permission.AgendaItemTitles);

        // The organiser withdraws it: the link no longer opens, and the name is protected again.
        var consentId = requested.Value;
        Assert.True((await s.InScopeAsync(sp => sp.GetRequiredService<WithdrawConsent>().ExecuteAsync(s.Organiser, consentId))).Succeeded);
        Assert.Equal(OutcomeStatus.Invalid, (await s.InScopeAsync(sp => sp.GetRequiredService<WithdrawConsent>().ExecuteAsync(s.Organiser, consentId))).Status);
        var after = (await s.InScopeAsync(sp => sp.GetRequiredService<BuildAttributionContext>().ExecuteAsync(rapporteur, s.EventId))).Value!;
        Assert.Empty(after.OnRecord);

        await using var check = await database.Factory.CreateDbContextAsync();
        var actions = await check.AuditEntries.AsNoTracking().Where(a => a.EventId == s.EventId && a.Action.StartsWith("consent.")).OrderBy(a => a.AtUtc).ThenBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["consent.confirmed", "consent.requested", "consent.withdrawn"], actions.Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_organiser_records_a_consent_and_a_declined_request_names_nobody(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);

        var blank = await s.InScopeAsync(sp => sp.GetRequiredService<RecordConsent>().ExecuteAsync(s.Organiser, s.EventId, new ConsentForm { Name = "  " }));
        var badEmail = await s.InScopeAsync(sp => sp.GetRequiredService<RecordConsent>().ExecuteAsync(s.Organiser, s.EventId, new ConsentForm { Name = "Farkhod Aminjonov", Email = "not an address" }));
        Assert.Equal("Enter the name of the person, or choose them from the list.", blank.Errors["Name"].Single());
        Assert.Equal(OutcomeStatus.Invalid, badEmail.Status);

        var recorded = await s.InScopeAsync(sp => sp.GetRequiredService<RecordConsent>().ExecuteAsync(s.Organiser, s.EventId, new ConsentForm { Name = "Farkhod Aminjonov", Affiliation = "Study author", Scope = ConsentScope.NameOnly }));
        Assert.True(recorded.Succeeded);
        var requested = await s.InScopeAsync(sp => sp.GetRequiredService<RequestConsent>().ExecuteAsync(s.Organiser, s.EventId, new ConsentForm { Name = "Mira Speaker", Email = "mira@ceps.example" }));
        string token;
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var email = await db.OutboundEmails.AsNoTracking().SingleAsync(m => m.CorrelationKey == $"consent:{requested.Value}:request");
            token = Regex.Match(email.TextBody, @"/consent/([A-Za-z0-9_-]{43})").Groups[1].Value;
        }

        Assert.Equal(ConsentStatus.Withdrawn, (await host.Scoped.GetRequiredService<AnswerConsentRequest>().ExecuteAsync(token, ConsentAnswer.Decline)).Value);

        var list = (await s.InScopeAsync(sp => sp.GetRequiredService<ListConsents>().ExecuteAsync(s.Organiser, s.EventId))).Value!;
        Assert.Equal([("Farkhod Aminjonov", ConsentStatus.Confirmed), ("Mira Speaker", ConsentStatus.Withdrawn)], list.Consents.Select(c => (c.Name, c.Status)));
        var context = (await s.InScopeAsync(sp => sp.GetRequiredService<BuildAttributionContext>().ExecuteAsync(s.Organiser, s.EventId))).Value!;
        Assert.Equal([("Farkhod Aminjonov", ConsentScope.NameOnly)], context.OnRecord.Select(p => (p.Name, p.Scope)));
        Assert.Empty(context.OnRecord.Single().AgendaItemTitles);
        // Mira spoke and declined: she is protected like everyone else.
        Assert.Contains(context.Participants, p => p.Name == "Mira Speaker" && p.Role == ParticipantRole.Speaker);

        await using var check = await database.Factory.CreateDbContextAsync();
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Action == "consent.recorded" && a.Details!.Contains("Farkhod Aminjonov (name only, whole event)")));
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Action == "consent.declined" && a.ActorUserId == null));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_attribution_context_holds_everyone_connected_to_the_event_and_their_organisations(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database, new Dictionary<string, string?> { ["Reports:SmallGroupSize"] = "3" });
        var s = await VettingScenario.CreateAsync(database, host);
        Guid eeasId;
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var eeas = new Organisation { Id = Guid.NewGuid(), Name = "European External Action Service", Acronym = "EEAS", Aliases = ["the External Action Service"] };
            var enc = new Organisation { Id = Guid.NewGuid(), Name = "European Neighbourhood Council", Acronym = "ENC" };
            var ep = new Organisation { Id = Guid.NewGuid(), Name = "European Parliament", Acronym = "EP" };
            db.Organisations.AddRange(eeas, enc, ep);
            await db.SaveChangesAsync();
            eeasId = eeas.Id;
            var e = await db.Events.Include(x => x.CoOrganisers).SingleAsync(x => x.Id == s.EventId);
            e.CoOrganisers.Add(enc);
            e.HostName = "MEP Michael Gahler (DE)";
            e.HostOrganisationId = ep.Id;
            db.CheckIns.Add(new CheckIn { Id = Guid.NewGuid(), EventId = s.EventId, Kind = CheckInKind.Override, Name = "Walter Walkin", OrganisationName = "NATO", AtUtc = DateTime.UtcNow, Reason = "On the host's list" });
            await db.SaveChangesAsync();
        }

        await s.AddRegistrationAsync("Bob Meyer", "bob@eeas.example", "EEAS", organisationId: eeasId, status: RegistrationStatus.Approved);
        await s.AddRegistrationAsync("Petra Pending", "petra@think.example", "Carnegie Europe");
        await s.AddRegistrationAsync("Nora Nominee", "nora@think.example", "Carnegie Europe", source: RegistrationSource.Nomination);
        await s.AddRegistrationAsync("Rex Rejected", "rex@think.example", "Somewhere", status: RegistrationStatus.Rejected);
        await s.AddTeamMemberAsync("rita@kas.example", EventRole.Rapporteur);

        var context = (await s.InScopeAsync(sp => sp.GetRequiredService<BuildAttributionContext>().ExecuteAsync(s.Organiser, s.EventId))).Value!;

        Assert.Equal(3, context.SmallGroupSize);
        Assert.Contains(new AttributionParticipant("Bob Meyer", "EEAS", "Fellow", ParticipantRole.Attendee, Sector: Sector.ThinkTank), context.Participants);
        Assert.Contains(new AttributionParticipant("Petra Pending", "Carnegie Europe", "Fellow", ParticipantRole.Attendee, Sector: Sector.ThinkTank), context.Participants);
        Assert.Contains(new AttributionParticipant("Nora Nominee", "Carnegie Europe", "Fellow", ParticipantRole.Nominee, Sector: Sector.ThinkTank), context.Participants);
        Assert.Contains(new AttributionParticipant("Walter Walkin", "NATO", null, ParticipantRole.Attendee), context.Participants);
        Assert.Contains(new AttributionParticipant("Michael Gahler", "European Parliament", "MEP", ParticipantRole.Host, Country: "DE"), context.Participants);
        Assert.Contains(context.Participants, p => p.Name == "rita" && p.Role == ParticipantRole.Team);
        Assert.Contains(context.Participants, p => p.Name == "clara" && p.Role == ParticipantRole.Team && p.OrganisationName == "Konrad-Adenauer-Stiftung");
        Assert.DoesNotContain(context.Participants, p => p.Name == "Rex Rejected");

        var eeasInContext = Assert.Single(context.Organisations, o => o.Name == "European External Action Service");
        Assert.Equal("EEAS", eeasInContext.Acronym);
        Assert.Equal(["the External Action Service"], eeasInContext.Aliases);
        Assert.Contains(context.Organisations, o => o.Name == "European Neighbourhood Council" && o.Acronym == "ENC");
        Assert.Contains(context.Organisations, o => o.Name == "European Parliament");
        Assert.Contains(context.Organisations, o => o.Name == "Konrad-Adenauer-Stiftung");
        Assert.Contains(context.Organisations, o => o.Name == "Carnegie Europe");
        Assert.Contains(context.Organisations, o => o.Name == "NATO");
        // "EEAS" typed at registration is the directory's organisation, not a second one.
        Assert.DoesNotContain(context.Organisations, o => o.Name == "EEAS");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_organiser_dismisses_a_finding_with_a_reason_audited_and_a_rapporteur_cannot(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        var rapporteur = await s.AddTeamMemberAsync("rita@kas.example", EventRole.Rapporteur);
        var draft = (await s.InScopeAsync(sp => sp.GetRequiredService<OpenReport>().ExecuteAsync(rapporteur, s.EventId))).Value!;
        var form = new DismissalForm { FindingKey = "Name|aminjonov|Farkhod Aminjonov", MatchedText = "Aminjonov", Reason = "The study's author; the study is published." };

        var byRapporteur = await s.InScopeAsync(sp => sp.GetRequiredService<DismissFinding>().ExecuteAsync(rapporteur, draft.ReportId, form));
        var noReason = await s.InScopeAsync(sp => sp.GetRequiredService<DismissFinding>().ExecuteAsync(s.Organiser, draft.ReportId, new DismissalForm { FindingKey = form.FindingKey, MatchedText = form.MatchedText, Reason = "  " }));
        var dismissed = await s.InScopeAsync(sp => sp.GetRequiredService<DismissFinding>().ExecuteAsync(s.Organiser, draft.ReportId, form));
        var twice = await s.InScopeAsync(sp => sp.GetRequiredService<DismissFinding>().ExecuteAsync(s.Organiser, draft.ReportId, form));

        Assert.Equal(OutcomeStatus.Forbidden, byRapporteur.Status);
        Assert.StartsWith("Say why this is not an attribution", noReason.Errors["Reason"].Single());
        Assert.True(dismissed.Succeeded);
        Assert.Equal("“Aminjonov” was already dismissed.", twice.Errors[""].Single());

        var reopened = (await s.InScopeAsync(sp => sp.GetRequiredService<OpenReport>().ExecuteAsync(rapporteur, s.EventId))).Value!;
        var row = Assert.Single(reopened.Dismissals);
        Assert.Equal(("Aminjonov", "The study's author; the study is published.", "clara@kas.example"), (row.MatchedText, row.Reason, row.ByName));
        await using var db = await database.Factory.CreateDbContextAsync();
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "report.finding-dismissed");
        Assert.Equal(s.EventId, audit.EventId);
        Assert.Contains("The study's author; the study is published.", audit.Details);

        // What stays open: everything but the dismissed key.
        var findings = new[]
        {
            new AttributionFinding(FindingKind.Name, 10, 9, "Aminjonov", "Farkhod Aminjonov", "a participant's surname", "the study's author"),
            new AttributionFinding(FindingKind.Organisation, 0, 4, "EEAS", "European External Action Service", "an attendee's organisation", "an EU institution"),
        };
        Assert.Equal(["EEAS"], AttributionReview.Open(findings, [form.FindingKey]).Select(f => f.Text));
    }

    /// <summary>
    /// Needs the real non-attribution check (the "check" branch): with it merged, a participant's full name in the draft is
    /// an open finding, and it is no longer open once an organiser dismissed it. Until then AttributionChecker throws.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_participants_full_name_in_the_draft_is_an_open_finding_until_dismissed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        await s.AddRegistrationAsync("Ada Novak", "ada@think.example", "Central Asia Institute", status: RegistrationStatus.Approved);
        var draft = (await s.InScopeAsync(sp => sp.GetRequiredService<OpenReport>().ExecuteAsync(s.Organiser, s.EventId))).Value!;
        var text = "# Report\n\nIn the discussion, Ada Novak argued for a regional approach.\n";
        Assert.True((await s.InScopeAsync(sp => sp.GetRequiredService<SaveReport>().ExecuteAsync(s.Organiser, draft.ReportId, new ReportSaveForm { Markdown = text, ExpectedStamp = draft.ConcurrencyStamp }))).Succeeded);

        var open = await s.InScopeAsync(sp => sp.GetRequiredService<IOpenFindingsSource>().GetOpenFindingsAsync(draft.ReportId, CancellationToken.None));
        var finding = Assert.Single(open, f => text.Substring(f.Start, f.Length).Contains("Novak"));
        Assert.Contains("Ada Novak", finding.PointsTo);

        await s.InScopeAsync(sp => sp.GetRequiredService<DismissFinding>().ExecuteAsync(s.Organiser, draft.ReportId, new DismissalForm { FindingKey = finding.Key, MatchedText = finding.Text, Reason = "Test: accepted" }));
        var after = await s.InScopeAsync(sp => sp.GetRequiredService<IOpenFindingsSource>().GetOpenFindingsAsync(draft.ReportId, CancellationToken.None));
        Assert.DoesNotContain(after, f => f.Key == finding.Key);
    }

    private static async Task<Guid> AddAgendaItemAsync(VettingScenario s, string title, ConfidentialityLevel level)
    {
        await using var db = await s.Database.Factory.CreateDbContextAsync();
        var e = await db.Events.AsNoTracking().SingleAsync(x => x.Id == s.EventId);
        var item = new AgendaItem { Id = Guid.NewGuid(), EventId = s.EventId, Title = title, StartsAtUtc = e.StartsAtUtc.AddHours(2), Confidentiality = level };
        db.AgendaItems.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }
}
