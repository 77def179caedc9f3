using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Reports;
using EventHub.Core.Tests.Vetting;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Reports;

public sealed class ReportDraftingTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_first_opening_starts_from_the_template_with_the_events_facts_and_saves_add_versions(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host, title: "China's and Russia's Security Engagement in Central Asia");
        await s.UpdateEventAsync(e => e.HostName = "MEP Michael Gahler (DE)");
        await s.AddRegistrationAsync("Ada Novak", "ada@think.example", "Central Asia Institute", status: RegistrationStatus.Approved);
        var rapporteur = await s.AddTeamMemberAsync("rita@kas.example", EventRole.Rapporteur);

        var opened = await s.InScopeAsync(sp => sp.GetRequiredService<OpenReport>().ExecuteAsync(rapporteur, s.EventId));
        Assert.True(opened.Succeeded);
        var draft = opened.Value!;
        Assert.StartsWith("# China's and Russia's Security Engagement in Central Asia", draft.Markdown);
        Assert.Contains("Wednesday, 9 December 2026", draft.Markdown);
        Assert.Contains("Brussels", draft.Markdown);
        // No recorded consent: the template does not name the host.
        Assert.Contains("hosted by _the host (name them only with their recorded consent)_", draft.Markdown);
        Assert.Contains("The Konrad-Adenauer-Stiftung organised", draft.Markdown);
        Assert.Contains("It brought together one expert.", draft.Markdown);
        foreach (var heading in new[] { "## The study's findings", "## The discussion", "## Closing remarks", "## Outcomes" })
        {
            Assert.Contains(heading, draft.Markdown);
        }

        Assert.Equal(1, draft.CurrentVersion);
        Assert.False(draft.CanDismissFindings);

        // Opening again gives the same report; the organiser may dismiss findings.
        var again = await s.InScopeAsync(sp => sp.GetRequiredService<OpenReport>().ExecuteAsync(s.Organiser, s.EventId));
        Assert.Equal(draft.ReportId, again.Value!.ReportId);
        Assert.True(again.Value.CanDismissFindings);

        // Autosaves by the same person replace each other; Save makes a version; another autosave starts a new one.
        var save = host.Scoped.GetRequiredService<SaveReport>();
        var a1 = await save.ExecuteAsync(rapporteur, draft.ReportId, new ReportSaveForm { Markdown = draft.Markdown + "\nFirst words.", ExpectedStamp = draft.ConcurrencyStamp, Autosave = true });
        var a2 = await save.ExecuteAsync(rapporteur, draft.ReportId, new ReportSaveForm { Markdown = draft.Markdown + "\nFirst words, more.", ExpectedStamp = a1.Value!.Stamp, Autosave = true });
        Assert.Equal(2, a1.Value.Version);
        Assert.Equal(2, a2.Value!.Version);
        var saved = await save.ExecuteAsync(rapporteur, draft.ReportId, new ReportSaveForm { Markdown = draft.Markdown + "\nFirst words, more.", ExpectedStamp = a2.Value.Stamp });
        Assert.True(saved.Succeeded);
        Assert.Equal("Saved as version 2.", saved.Value!.Message);
        var unchanged = await save.ExecuteAsync(rapporteur, draft.ReportId, new ReportSaveForm { Markdown = draft.Markdown + "\nFirst words, more.", ExpectedStamp = saved.Value.Stamp });
        Assert.Equal("No changes since version 2.", unchanged.Value!.Message);
        Assert.True(unchanged.Value.Unchanged);
        var explicitSave = await save.ExecuteAsync(rapporteur, draft.ReportId, new ReportSaveForm { Markdown = draft.Markdown + "\nSecond paragraph.", ExpectedStamp = unchanged.Value.Stamp });
        Assert.Equal(3, explicitSave.Value!.Version);
        var a3 = await save.ExecuteAsync(rapporteur, draft.ReportId, new ReportSaveForm { Markdown = draft.Markdown + "\nSecond paragraph, typed on.", ExpectedStamp = explicitSave.Value.Stamp, Autosave = true });
        Assert.Equal(4, a3.Value!.Version);

        var history = await s.InScopeAsync(sp => sp.GetRequiredService<ListReportVersions>().ExecuteAsync(rapporteur, s.EventId));
        Assert.Equal([4, 3, 2, 1], history.Value!.Versions.Select(v => v.Number));
        Assert.Equal([true, false, false, false], history.Value.Versions.Select(v => v.Autosave));
        Assert.Equal("Template", history.Value.Versions[^1].SavedByName);

        await using var db = await database.Factory.CreateDbContextAsync();
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == draft.ReportId);
        Assert.Equal(draft.Markdown + "\nSecond paragraph, typed on.", report.Markdown);
        Assert.Equal(4, report.CurrentVersion);
        // Explicit saves are audited (2 and 3), autosaves are not.
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "report.saved" && a.EventId == s.EventId));

        // The diff between two versions: word level, in order.
        var diff = await s.InScopeAsync(sp => sp.GetRequiredService<CompareReportVersions>().ExecuteAsync(rapporteur, s.EventId, 2, 3));
        var segments = diff.Value!.Diff.Segments;
        Assert.Contains(segments, x => x.Kind == DiffKind.Removed && x.Text.Contains("First words, more."));
        Assert.Contains(segments, x => x.Kind == DiffKind.Added && x.Text.Contains("Second paragraph."));
        Assert.Equal(draft.Markdown + "\nSecond paragraph.", string.Concat(segments.Where(x => x.Kind != DiffKind.Removed).Select(x => x.Text)));
        var missing = await s.InScopeAsync(sp => sp.GetRequiredService<CompareReportVersions>().ExecuteAsync(rapporteur, s.EventId, 1, 9));
        Assert.Equal("There is no version 9.", missing.Errors["to"].Single());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_people_save_at_once_the_second_gets_the_conflict_with_both_texts_and_nothing_is_lost(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        var rapporteur = await s.AddTeamMemberAsync("rita@kas.example", EventRole.Rapporteur);

        // Two editors, each in their own scope, load the same report.
        var mine = await s.InScopeAsync(sp => sp.GetRequiredService<OpenReport>().ExecuteAsync(rapporteur, s.EventId));
        var theirs = await s.InScopeAsync(sp => sp.GetRequiredService<OpenReport>().ExecuteAsync(s.Organiser, s.EventId));
        Assert.Equal(mine.Value!.ConcurrencyStamp, theirs.Value!.ConcurrencyStamp);

        var organiserText = theirs.Value.Markdown + "\nThe organiser's closing paragraph.";
        var rapporteurText = mine.Value.Markdown + "\nThe rapporteur's summary of the discussion.";
        var first = await s.InScopeAsync(sp => sp.GetRequiredService<SaveReport>().ExecuteAsync(s.Organiser, theirs.Value.ReportId, new ReportSaveForm { Markdown = organiserText, ExpectedStamp = theirs.Value.ConcurrencyStamp }));
        var second = await s.InScopeAsync(sp => sp.GetRequiredService<SaveReport>().ExecuteAsync(rapporteur, mine.Value.ReportId, new ReportSaveForm { Markdown = rapporteurText, ExpectedStamp = mine.Value.ConcurrencyStamp, Autosave = true }));

        Assert.True(first.Succeeded);
        Assert.Equal(OutcomeStatus.Conflict, second.Status);
        Assert.Contains("clara@kas.example saved version 2 while you were editing", second.Errors[""].Single());
        var conflict = second.Value!.Conflict!;
        Assert.Equal(organiserText, conflict.TheirMarkdown);
        Assert.Equal(rapporteurText, conflict.YourMarkdown);
        Assert.Equal(2, conflict.TheirVersion);
        Assert.Equal(first.Value!.Stamp, conflict.TheirStamp);

        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == mine.Value.ReportId);
            Assert.Equal(organiserText, report.Markdown);
            Assert.Equal(2, await db.ReportVersions.CountAsync(v => v.ReportId == report.Id));
        }

        // "Keep mine": the rapporteur saves again against the text they have now seen; the organiser's stays in the history.
        var kept = await s.InScopeAsync(sp => sp.GetRequiredService<SaveReport>().ExecuteAsync(rapporteur, mine.Value.ReportId, new ReportSaveForm { Markdown = conflict.YourMarkdown, ExpectedStamp = conflict.TheirStamp }));
        Assert.True(kept.Succeeded);
        Assert.Equal(3, kept.Value!.Version);
        var diff = await s.InScopeAsync(sp => sp.GetRequiredService<CompareReportVersions>().ExecuteAsync(rapporteur, s.EventId, 2, 3));
        Assert.Equal(organiserText, diff.Value!.FromMarkdown);
        Assert.Equal(rapporteurText, diff.Value.ToMarkdown);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Door_staff_vetters_and_another_events_organiser_cannot_read_or_change_the_draft(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        var other = await VettingScenario.CreateAsync(database, host, title: "Another meeting", organiserEmail: "olga@other.example", organisationName: "Other Foundation");
        var door = await s.AddTeamMemberAsync("door@kas.example", EventRole.DoorStaff);
        var vetter = await s.AddTeamMemberAsync("vera@enc.example", EventRole.Vetter);
        var draft = (await s.InScopeAsync(sp => sp.GetRequiredService<OpenReport>().ExecuteAsync(s.Organiser, s.EventId))).Value!;

        foreach (var outsider in new[] { door, vetter, other.Organiser })
        {
            Assert.Equal(OutcomeStatus.Forbidden, (await s.InScopeAsync(sp => sp.GetRequiredService<OpenReport>().ExecuteAsync(outsider, s.EventId))).Status);
            Assert.Equal(OutcomeStatus.Forbidden, (await s.InScopeAsync(sp => sp.GetRequiredService<ListReportVersions>().ExecuteAsync(outsider, s.EventId))).Status);
            Assert.Equal(OutcomeStatus.Forbidden, (await s.InScopeAsync(sp => sp.GetRequiredService<CompareReportVersions>().ExecuteAsync(outsider, s.EventId, 1, 1))).Status);
            Assert.Equal(OutcomeStatus.Forbidden, (await s.InScopeAsync(sp => sp.GetRequiredService<SaveReport>().ExecuteAsync(outsider, draft.ReportId, new ReportSaveForm { Markdown = "Leaked", ExpectedStamp = draft.ConcurrencyStamp }))).Status);
            Assert.Equal(OutcomeStatus.Forbidden, (await s.InScopeAsync(sp => sp.GetRequiredService<BuildAttributionContext>().ExecuteAsync(outsider, s.EventId))).Status);
            Assert.Equal(OutcomeStatus.Forbidden, (await s.InScopeAsync(sp => sp.GetRequiredService<ListConsents>().ExecuteAsync(outsider, s.EventId))).Status);
        }

        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Equal(draft.Markdown, (await db.Reports.AsNoTracking().SingleAsync()).Markdown);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Notes_are_private_to_their_author(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        var rita = await s.AddTeamMemberAsync("rita@kas.example", EventRole.Rapporteur);
        var rob = await s.AddTeamMemberAsync("rob@kas.example", EventRole.Rapporteur);
        var door = await s.AddTeamMemberAsync("door@kas.example", EventRole.DoorStaff);
        var save = host.Scoped.GetRequiredService<SaveNote>();

        var created = await save.ExecuteAsync(rita, s.EventId, null, "10:12 — a participant argued for a regional approach");
        var updated = await save.ExecuteAsync(rita, s.EventId, created.Value!.Id, "10:12 — a participant argued for a regional approach (OSCE?)");
        await save.ExecuteAsync(rob, s.EventId, null, "Rob's own note");

        Assert.True(updated.Succeeded);
        var ritas = await host.Scoped.GetRequiredService<ListMyNotes>().ExecuteAsync(rita, s.EventId);
        Assert.Equal(["10:12 — a participant argued for a regional approach (OSCE?)"], ritas.Value!.Select(n => n.Text));
        var robs = await host.Scoped.GetRequiredService<ListMyNotes>().ExecuteAsync(rob, s.EventId);
        Assert.Equal(["Rob's own note"], robs.Value!.Select(n => n.Text));
        // The organiser (and an administrator) see only their own notes: none.
        Assert.Empty((await host.Scoped.GetRequiredService<ListMyNotes>().ExecuteAsync(s.Organiser, s.EventId)).Value!);
        Assert.Equal(OutcomeStatus.NotFound, (await save.ExecuteAsync(rob, s.EventId, created.Value.Id, "overwritten")).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await host.Scoped.GetRequiredService<DeleteNote>().ExecuteAsync(s.Organiser, s.EventId, created.Value.Id)).Status);
        Assert.Equal(OutcomeStatus.Forbidden, (await host.Scoped.GetRequiredService<ListMyNotes>().ExecuteAsync(door, s.EventId)).Status);

        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Equal("10:12 — a participant argued for a regional approach (OSCE?)", (await db.ReportNotes.SingleAsync(n => n.Id == created.Value.Id)).Text);
    }
}
