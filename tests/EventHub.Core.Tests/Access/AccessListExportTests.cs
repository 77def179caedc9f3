using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Access;
using EventHub.Core.Features.Registrations;
using EventHub.Core.Registrations;
using EventHub.Core.Tests.Vetting;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Access;

public sealed class AccessListExportTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_access_list_holds_approved_attendees_with_the_chosen_fields_and_says_who_exported_it_and_when(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        var security = host.Services.GetRequiredService<SecurityData>();
        await s.AddRegistrationAsync("Ada Novak", "ada@think.example", "=HYPERLINK(\"http://evil.example\")", status: RegistrationStatus.Approved,
            securityData: security.Protect(new SecurityDetails(new DateOnly(1980, 5, 17), "Belgian", "Passport", "EH1234567")));
        await s.AddRegistrationAsync("Bruno Pending", "bruno@think.example", "Think", status: RegistrationStatus.Pending);
        await s.AddRegistrationAsync("Carla Rejected", "carla@think.example", "Think", status: RegistrationStatus.Rejected);
        var save = await host.Scoped.GetRequiredService<SaveAccessSettings>().ExecuteAsync(s.Organiser, s.EventId, new AccessSettingsForm
        {
            Fields = [AccessListField.Email, AccessListField.Name, AccessListField.Organisation, AccessListField.DateOfBirth, AccessListField.DocumentNumber],
        });
        Assert.True(save.Succeeded);

        var outcome = await host.Scoped.GetRequiredService<ExportAccessList>().ExecuteAsync(s.Organiser, s.EventId, AccessListFormat.Csv);

        var lines = Encoding.UTF8.GetString(outcome.Value!.Content).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("Access list: Security Engagement in Central Asia,,,,", lines[0]);
        Assert.Contains("Room ASP 5G2, Brussels", lines[1]);
        // The fake clock says 09:00 UTC on 2 November: 10:00 in Brussels (CET).
        Assert.Equal("\"Exported by clara <clara@kas.example> on 2 November 2026, 10:00 CET\",,,,", lines[2]);
        Assert.StartsWith("1 approved attendee.", lines[3]);
        var headerIndex = Array.IndexOf(lines, "Name,Organisation,Email,Date of birth,Document number");
        Assert.Equal(5, headerIndex);
        Assert.Equal(",,,,", lines[headerIndex - 1]);
        Assert.Equal("Ada Novak,\"'=HYPERLINK(\"\"http://evil.example\"\")\",ada@think.example,1980-05-17,EH1234567", lines[headerIndex + 1]);
        Assert.DoesNotContain("Bruno", string.Join("\n", lines));
        Assert.DoesNotContain("Carla", string.Join("\n", lines));
        Assert.EndsWith(".csv", outcome.Value.FileName);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Security_fields_are_exported_only_for_organisers_and_door_staff_and_outsiders_get_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        var other = await VettingScenario.CreateAsync(database, host, "Another foundation's meeting", organiserEmail: "ivan@other.example", organisationName: "Another Foundation");
        var vetter = await s.AddTeamMemberAsync("vera@enc.example", EventRole.Vetter);
        var door = await s.AddTeamMemberAsync("marc@kas.example", EventRole.DoorStaff);
        var security = host.Services.GetRequiredService<SecurityData>();
        await s.AddRegistrationAsync("Ada Novak", "ada@think.example", "Think", status: RegistrationStatus.Approved,
            securityData: security.Protect(new SecurityDetails(new DateOnly(1980, 5, 17), "Belgian", "Passport", "EH1234567")));
        await s.UpdateEventAsync(e => e.AccessListFields = ["Name", "Nationality", "DocumentType", "DocumentNumber"]);
        var export = host.Scoped.GetRequiredService<ExportAccessList>();

        var byVetter = await export.ExecuteAsync(vetter, s.EventId, AccessListFormat.Xlsx);
        var byOrganiser = await export.ExecuteAsync(s.Organiser, s.EventId, AccessListFormat.Xlsx);
        var byDoor = await export.ExecuteAsync(door, s.EventId, AccessListFormat.Csv);
        var byOtherOrganiser = await export.ExecuteAsync(other.Organiser, s.EventId, AccessListFormat.Csv);

        var vetterCells = Cells(byVetter.Value!.Content);
        var organiserCells = Cells(byOrganiser.Value!.Content);
        Assert.Contains("Ada Novak", vetterCells);
        Assert.DoesNotContain("EH1234567", vetterCells);
        Assert.DoesNotContain("Belgian", vetterCells);
        Assert.DoesNotContain("Document number", vetterCells);
        Assert.Contains(vetterCells, c => c.StartsWith("Security fields (date of birth, nationality, identity document) are left out", StringComparison.Ordinal));
        Assert.Contains(vetterCells, c => c.StartsWith("Exported by vera <vera@enc.example>", StringComparison.Ordinal));
        Assert.Contains("EH1234567", organiserCells);
        Assert.Contains("Belgian", organiserCells);
        Assert.Contains("Passport", organiserCells);
        Assert.Equal(OutcomeStatus.Forbidden, byDoor.Status);
        Assert.Equal(OutcomeStatus.Forbidden, byOtherOrganiser.Status);

        await using var db = await database.Factory.CreateDbContextAsync();
        var audits = await db.AuditEntries.Where(a => a.Action == "access-list.exported").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, audits.Count);
        Assert.All(audits, a => Assert.Equal(s.EventId, a.EventId));
        Assert.Contains(audits, a => a.Details!.Contains("3 security columns withheld"));
    }

    /// <summary>Every cell of the workbook's first sheet, as text.</summary>
    private static List<string> Cells(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return sheet.Descendants<Cell>().Select(c => c.InnerText).ToList();
    }
}
