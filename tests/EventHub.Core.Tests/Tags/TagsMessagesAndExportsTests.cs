using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Exports;
using EventHub.Core.Features.Messages;
using EventHub.Core.Features.Tags;
using EventHub.Core.Features.Vetting;
using EventHub.Core.Tests.Vetting;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Tags;

public sealed class TagsMessagesAndExportsTests
{
    [Fact]
    public void Every_tag_colour_keeps_white_text_readable()
    {
        Assert.Equal(Enum.GetValues<TagColour>().Length, TagPalette.All.Count);
        Assert.All(TagPalette.All, c => Assert.True(TagPalette.Contrast(c.Background, TagPalette.Text) >= 4.5, $"{c.Name} {c.Background}: {TagPalette.Contrast(c.Background, TagPalette.Text):0.00}:1"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Tags_are_put_on_in_bulk_filter_the_queue_and_come_off_with_the_tag(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        var other = await VettingScenario.CreateAsync(database, host, "Another foundation's meeting", organiserEmail: "ivan@other.example", organisationName: "Another Foundation");
        var vetter = await s.AddTeamMemberAsync("vera@enc.example", EventRole.Vetter);
        var ada = await s.AddRegistrationAsync("Ada Novak", "ada@think.example", "Think");
        var bruno = await s.AddRegistrationAsync("Bruno Lenz", "bruno@think.example", "Think");
        var carla = await s.AddRegistrationAsync("Carla Ruiz", "carla@think.example", "Think");
        var foreign = await other.AddRegistrationAsync("Ivo Other", "ivo@other.example", "Other", eventId: other.EventId);
        var save = host.Scoped.GetRequiredService<SaveRegistrationTag>();
        var tag = host.Scoped.GetRequiredService<TagRegistrations>();

        var speaker = await save.ExecuteAsync(s.Organiser, s.EventId, new TagForm { Name = "Speaker", Colour = TagColour.Purple });
        var twice = await save.ExecuteAsync(s.Organiser, s.EventId, new TagForm { Name = " Speaker ", Colour = TagColour.Red });
        var byVetter = await save.ExecuteAsync(vetter, s.EventId, new TagForm { Name = "Mine" });
        var tagged = await tag.ExecuteAsync(vetter, s.EventId, speaker.Value, [ada.Id, bruno.Id], add: true);
        var again = await tag.ExecuteAsync(s.Organiser, s.EventId, speaker.Value, [ada.Id, carla.Id], add: true);
        var mixed = await tag.ExecuteAsync(s.Organiser, s.EventId, speaker.Value, [ada.Id, foreign.Id], add: false);
        var outsider = await tag.ExecuteAsync(other.Organiser, s.EventId, speaker.Value, [ada.Id], add: false);
        var untagged = await tag.ExecuteAsync(s.Organiser, s.EventId, speaker.Value, [carla.Id], add: false);

        Assert.True(speaker.Succeeded);
        Assert.Equal(["This event already has a tag “Speaker”."], twice.Errors[nameof(TagForm.Name)]);
        Assert.Equal(OutcomeStatus.Forbidden, byVetter.Status);
        Assert.Equal((2, 1), (tagged.Value, again.Value));
        Assert.Equal(["Some of the selected registrations are not this event's; nothing was changed."], mixed.Errors["RegistrationIds"]);
        Assert.Equal(OutcomeStatus.Forbidden, outsider.Status);
        Assert.Equal(1, untagged.Value);
        var queue = (await host.Scoped.GetRequiredService<ListVettingQueue>().ExecuteAsync(vetter, s.EventId, new VettingQuery { TagId = speaker.Value })).Value!;
        Assert.Equal(["Ada Novak", "Bruno Lenz"], queue.Rows.Select(r => r.Name).Order());
        Assert.All(queue.Rows, r => Assert.Equal(("Speaker", TagColour.Purple), (r.Tags.Single().Name, r.Tags.Single().Colour)));
        Assert.Equal(2, (await host.Scoped.GetRequiredService<ListRegistrationTags>().ExecuteAsync(s.Organiser, s.EventId)).Value!.Single().Count);

        Assert.True((await host.Scoped.GetRequiredService<DeleteRegistrationTag>().ExecuteAsync(s.Organiser, s.EventId, speaker.Value)).Succeeded);
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Equal(0, await db.RegistrationTagAssignments.CountAsync());
        // One entry per registration that changed: Ada and Bruno, then Carla (Ada already carried it); Carla taken off again.
        Assert.Equal(["Ada Novak: Speaker", "Bruno Lenz: Speaker", "Carla Ruiz: Speaker"],
            (await db.AuditEntries.Where(a => a.Action == "registration.tagged" && a.EventId == s.EventId).Select(a => a.Details!).ToListAsync()).Order());
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "registration.untagged"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_message_goes_to_the_filtered_registrants_after_a_preview_and_a_confirmed_count(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        var other = await VettingScenario.CreateAsync(database, host, "Another foundation's meeting", organiserEmail: "ivan@other.example", organisationName: "Another Foundation");
        var vetter = await s.AddTeamMemberAsync("vera@enc.example", EventRole.Vetter, "Host office");
        await s.UpdateEventAsync(e => e.ApproverGroups = ["Organiser", "Host office"]);
        var ada = await s.AddRegistrationAsync("Ada Novak", "ada@think.example", "Think", status: RegistrationStatus.Approved);
        var bruno = await s.AddRegistrationAsync("Bruno Lenz", "bruno@think.example", "Think");
        var carla = await s.AddRegistrationAsync("Carla Ruiz", "carla@think.example", "Think");
        await s.AddRegistrationAsync("Dana Gone", "dana@think.example", "Think", status: RegistrationStatus.Cancelled);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            db.RegistrationApprovals.Add(new RegistrationApproval { Id = Guid.NewGuid(), RegistrationId = bruno.Id, Group = "Organiser", Decision = VettingDecision.Approved, AtUtc = DateTime.UnixEpoch });
            db.RegistrationApprovals.Add(new RegistrationApproval { Id = Guid.NewGuid(), RegistrationId = carla.Id, Group = "Host office", Decision = VettingDecision.Approved, AtUtc = DateTime.UnixEpoch });
            await db.SaveChangesAsync();
        }

        var press = await host.Scoped.GetRequiredService<SaveRegistrationTag>().ExecuteAsync(s.Organiser, s.EventId, new TagForm { Name = "Press" });
        await host.Scoped.GetRequiredService<TagRegistrations>().ExecuteAsync(s.Organiser, s.EventId, press.Value, [ada.Id, bruno.Id], add: true);
        var preview = host.Scoped.GetRequiredService<PreviewRegistrantMessage>();
        var send = host.Scoped.GetRequiredService<SendRegistrantMessage>();
        RegistrantMessageForm Form(RegistrantFilter filter) => new() { Filter = filter, Subject = "About {event}", Message = "Dear {name},\n\nThe room has changed." };

        var awaitingOrganiser = await preview.ExecuteAsync(s.Organiser, s.EventId, Form(new RegistrantFilter { Statuses = [RegistrationStatus.Pending], ApproverGroup = "Organiser", GroupState = GroupState.Awaiting }));
        var allButCancelled = await preview.ExecuteAsync(s.Organiser, s.EventId, Form(new RegistrantFilter { Statuses = [] }));
        var pressForm = Form(new RegistrantFilter { Statuses = [], TagId = press.Value });
        var pressPreview = await preview.ExecuteAsync(s.Organiser, s.EventId, pressForm);
        var unknownPlaceholder = await preview.ExecuteAsync(s.Organiser, s.EventId, new RegistrantMessageForm { Subject = "Hi {firstname}", Message = "x" });
        var byVetter = await preview.ExecuteAsync(vetter, s.EventId, pressForm);
        var byOther = await send.ExecuteAsync(other.Organiser, s.EventId, pressForm);
        var unconfirmed = await send.ExecuteAsync(s.Organiser, s.EventId, pressForm);
        pressForm.ConfirmedCount = 3;
        var wrongCount = await send.ExecuteAsync(s.Organiser, s.EventId, pressForm);
        pressForm.ConfirmedCount = pressPreview.Value!.Recipients.Count;
        var sent = await send.ExecuteAsync(s.Organiser, s.EventId, pressForm);
        var twice = await send.ExecuteAsync(s.Organiser, s.EventId, pressForm);

        Assert.Equal(["Carla Ruiz"], awaitingOrganiser.Value!.Recipients.Select(r => r.Name));
        Assert.Equal(["Ada Novak", "Bruno Lenz", "Carla Ruiz"], allButCancelled.Value!.Recipients.Select(r => r.Name));
        Assert.Equal(["Ada Novak", "Bruno Lenz"], pressPreview.Value.Recipients.Select(r => r.Name));
        Assert.Equal("About Security Engagement in Central Asia", pressPreview.Value.Subject);
        Assert.Contains("Dear Ada Novak", pressPreview.Value.Body.Text);
        Assert.Contains("tagged “Press”", pressPreview.Value.FilterDescription);
        Assert.Contains("{firstname}", unknownPlaceholder.Errors[nameof(RegistrantMessageForm.Subject)].Single());
        Assert.Equal(OutcomeStatus.Forbidden, byVetter.Status);
        Assert.Equal(OutcomeStatus.Forbidden, byOther.Status);
        Assert.Equal(OutcomeStatus.Conflict, unconfirmed.Status);
        Assert.Contains("now selects 2 registrants, not the 3 you confirmed", wrongCount.Errors[""].Single());
        Assert.Equal(2, sent.Value);
        Assert.Equal(OutcomeStatus.Conflict, twice.Status);

        await using var check = await database.Factory.CreateDbContextAsync();
        var emails = await check.OutboundEmails.Where(m => m.CorrelationKey.StartsWith("message:")).OrderBy(m => m.ToAddress).ToListAsync();
        Assert.Equal(["ada@think.example", "bruno@think.example"], emails.Select(m => m.ToAddress));
        Assert.Contains("Dear Bruno Lenz", emails[1].TextBody);
        var audit = await check.AuditEntries.SingleAsync(a => a.Action == "registrants.messaged");
        Assert.Equal(s.EventId, audit.EventId);
        Assert.Contains("to 2 registrants", audit.Details);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Exports_hold_the_event_data_with_tags_neutralise_formulas_in_both_formats_and_are_for_organisers_only(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        var other = await VettingScenario.CreateAsync(database, host, "Another foundation's meeting", organiserEmail: "ivan@other.example", organisationName: "Another Foundation");
        var vetter = await s.AddTeamMemberAsync("vera@enc.example", EventRole.Vetter);
        var ada = await s.AddRegistrationAsync("=HYPERLINK(\"http://evil.example\",\"Ada\")", "ada@think.example", "+Think", status: RegistrationStatus.Approved);
        await s.AddRegistrationAsync("Bruno Lenz", "bruno@think.example", "@SUM(A1)");
        await s.AddRegistrationAsync("Carla Ruiz", "carla@think.example", "\tTabbed");
        var speaker = await host.Scoped.GetRequiredService<SaveRegistrationTag>().ExecuteAsync(s.Organiser, s.EventId, new TagForm { Name = "-Speaker" });
        await host.Scoped.GetRequiredService<TagRegistrations>().ExecuteAsync(s.Organiser, s.EventId, speaker.Value, [ada.Id], add: true);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            db.CheckIns.Add(new CheckIn { Id = Guid.NewGuid(), EventId = s.EventId, RegistrationId = ada.Id, Kind = CheckInKind.NameSearch, Name = "Ada Novak", AtUtc = new DateTime(2026, 12, 9, 8, 55, 0, DateTimeKind.Utc), ByName = "marc@kas.example" });
            await db.SaveChangesAsync();
        }

        var export = host.Scoped.GetRequiredService<ExportEventData>();
        var csv = await export.ExecuteAsync(s.Organiser, s.EventId, EventDataset.Registrations, SpreadsheetFormat.Csv);
        var xlsx = await export.ExecuteAsync(s.Organiser, s.EventId, EventDataset.Registrations, SpreadsheetFormat.Xlsx);
        var checkIns = await export.ExecuteAsync(s.Organiser, s.EventId, EventDataset.CheckIns, SpreadsheetFormat.Csv);
        var invitations = await export.ExecuteAsync(s.Organiser, s.EventId, EventDataset.Invitations, SpreadsheetFormat.Xlsx);
        var byVetter = await export.ExecuteAsync(vetter, s.EventId, EventDataset.Registrations, SpreadsheetFormat.Csv);
        var byOther = await export.ExecuteAsync(other.Organiser, s.EventId, EventDataset.CheckIns, SpreadsheetFormat.Xlsx);

        var text = Encoding.UTF8.GetString(csv.Value!.Content);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Ada\"\")\",ada@think.example,'+Think", text);
        Assert.Contains("'@SUM(A1)", text);
        Assert.Contains("'\tTabbed", text);
        Assert.Contains(",'-Speaker,", text);
        Assert.Contains("Name,Email,Organisation,Position,Country,Sector,Source,Status,Approved by,Rejected by,Waitlisted by,Tags,Registered", text);
        Assert.EndsWith(".csv", csv.Value.FileName);
        var cells = Cells(xlsx.Value!.Content);
        Assert.Contains("'=HYPERLINK(\"http://evil.example\",\"Ada\")", cells);
        Assert.Contains("'+Think", cells);
        Assert.Contains("'-Speaker", cells);
        Assert.DoesNotContain(cells, c => c.Length > 0 && "=+-@\t\r".Contains(c[0]));
        Assert.Empty(Formulas(xlsx.Value.Content));
        Assert.Contains("Ada Novak,,2026-12-09 09:55 CET,Found by name,marc@kas.example", Encoding.UTF8.GetString(checkIns.Value!.Content));
        Assert.Contains("Reason for declining", Cells(invitations.Value!.Content));
        Assert.Equal(OutcomeStatus.Forbidden, byVetter.Status);
        Assert.Equal(OutcomeStatus.Forbidden, byOther.Status);
        await using var check = await database.Factory.CreateDbContextAsync();
        Assert.Equal(["Check-ins, CSV, 1 rows", "Invitations, XLSX, 0 rows", "Registrations, CSV, 3 rows", "Registrations, XLSX, 3 rows"],
            (await check.AuditEntries.Where(a => a.Action == "data.exported" && a.EventId == s.EventId).Select(a => a.Details!).ToListAsync()).Order());
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+32 2 555", "'+32 2 555")]
    [InlineData("-5", "'-5")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Ada = Novak", "Ada = Novak")]
    [InlineData("", "")]
    public void A_cell_that_could_start_a_formula_gets_a_leading_apostrophe(string cell, string written) => Assert.Equal(written, SpreadsheetFile.Neutralise(cell));

    private static List<string> Cells(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        return document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().Select(c => c.InnerText).ToList();
    }

    private static List<CellFormula> Formulas(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        return document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<CellFormula>().ToList();
    }
}
