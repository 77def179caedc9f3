using System.Net;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Web.Tests.BadInput;

/// <summary>
/// The event form (create and edit) and agenda items: each bad value is refused with a message on its field and nothing is
/// written; a hostile title is stored exactly and shown encoded on the staff pages and on the invitee's page.
/// </summary>
public sealed class EventFormBadInputTests(BadInputApp fixture) : IClassFixture<BadInputApp>
{
    /// <summary>A field, how to spoil it, and what the message on it says.</summary>
    public static TheoryData<string, string> BadEvents => new()
    {
        { "100 KB title", "at most 300 characters" },
        { "100 KB description", "at most 10,000 characters" },
        { "100 KB city", "at most 200 characters" },
        { "100 KB venue", "at most 500 characters" },
        { "100 KB host", "at most 300 characters" },
        { "no title", "Enter a title" },
        { "end before start", "The end must be after the start" },
        { "end equals start", "The end must be after the start" },
        { "start skipped by summer time", "does not exist in this time zone" },
        { "unknown time zone", "not a known time zone" },
        { "time zone with a path", "not a known time zone" },
        { "time zone with markup", "not a known time zone" },
        { "100 KB time zone", "not a known time zone" },
        { "capacity 0", "between 1 and 100,000" },
        { "capacity negative", "between 1 and 100,000" },
        { "capacity huge", "between 1 and 100,000" },
        { "capacity int.MaxValue", "between 1 and 100,000" },
        { "year 1 in Tokyo", "between the years" },
        { "year 9999 in Los Angeles", "between the years" },
    };

    private static (string Field, EventForm Form) Spoil(string how)
    {
        var form = BadInputApp.EventForm();
        var field = how switch
        {
            "100 KB title" => Set(nameof(EventForm.Title), () => form.Title = BadInputApp.Long),
            "100 KB description" => Set(nameof(EventForm.Description), () => form.Description = BadInputApp.Long),
            "100 KB city" => Set(nameof(EventForm.City), () => form.City = BadInputApp.Long),
            "100 KB venue" => Set(nameof(EventForm.Venue), () => form.Venue = BadInputApp.Long),
            "100 KB host" => Set(nameof(EventForm.HostName), () => form.HostName = BadInputApp.Long),
            "no title" => Set(nameof(EventForm.Title), () => form.Title = "   "),
            "end before start" => Set(nameof(EventForm.EndsLocal), () => form.EndsLocal = form.StartsLocal!.Value.AddHours(-1)),
            "end equals start" => Set(nameof(EventForm.EndsLocal), () => form.EndsLocal = form.StartsLocal),
            "start skipped by summer time" => Set(nameof(EventForm.StartsLocal), () => (form.StartsLocal, form.EndsLocal) = (new DateTime(2031, 3, 30, 2, 30, 0), new DateTime(2031, 3, 30, 5, 0, 0))),
            "unknown time zone" => Set(nameof(EventForm.TimeZoneId), () => form.TimeZoneId = "Mars/Olympus_Mons"),
            "time zone with a path" => Set(nameof(EventForm.TimeZoneId), () => form.TimeZoneId = "../../etc/localtime"),
            "time zone with markup" => Set(nameof(EventForm.TimeZoneId), () => form.TimeZoneId = "<script>alert(1)</script>"),
            "100 KB time zone" => Set(nameof(EventForm.TimeZoneId), () => form.TimeZoneId = BadInputApp.Long),
            "capacity 0" => Set(nameof(EventForm.Capacity), () => form.Capacity = 0),
            "capacity negative" => Set(nameof(EventForm.Capacity), () => form.Capacity = -35),
            "capacity huge" => Set(nameof(EventForm.Capacity), () => form.Capacity = 1_000_000),
            "capacity int.MaxValue" => Set(nameof(EventForm.Capacity), () => form.Capacity = int.MaxValue),
            "year 1 in Tokyo" => Set(nameof(EventForm.StartsLocal), () => (form.TimeZoneId, form.StartsLocal, form.EndsLocal) = ("Asia/Tokyo", new DateTime(1, 1, 1, 0, 0, 0), new DateTime(1, 1, 1, 3, 0, 0))),
            "year 9999 in Los Angeles" => Set(nameof(EventForm.EndsLocal), () => (form.TimeZoneId, form.StartsLocal, form.EndsLocal) = ("America/Los_Angeles", form.StartsLocal, DateTime.MaxValue)),
            _ => throw new ArgumentOutOfRangeException(nameof(how)),
        };
        return (field, form);

        static string Set(string field, Action change)
        {
            change();
            return field;
        }
    }

    [Theory]
    [MemberData(nameof(BadEvents))]
    public async Task Creating_an_event_with_bad_input_names_the_field_and_creates_nothing(string how, string message)
    {
        var (field, form) = Spoil(how);
        var before = await fixture.WithDbAsync(db => db.Events.CountAsync());

        var outcome = await fixture.RunAsync<CreateEvent, Outcome<Guid>>(u => u.ExecuteAsync(fixture.Organiser, form));

        Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
        Assert.True(outcome.Errors.ContainsKey(field), $"{how}: errors on {string.Join(", ", outcome.Errors.Keys)}");
        Assert.Contains(outcome.Errors[field], m => m.Contains(message));
        Assert.All(outcome.Errors.SelectMany(e => e.Value), m => Assert.True(m.Length < 400, $"a message of {m.Length} characters"));
        Assert.Equal(before, await fixture.WithDbAsync(db => db.Events.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(BadEvents))]
    public async Task Editing_an_event_with_bad_input_names_the_field_and_changes_nothing(string how, string message)
    {
        var eventId = await fixture.NewEventAsync("Before the edit");
        var stored = await fixture.WithDbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId));
        var (field, form) = Spoil(how);
        form.ConcurrencyStamp = stored.ConcurrencyStamp;

        var outcome = await fixture.RunAsync<UpdateEvent, Outcome>(u => u.ExecuteAsync(fixture.Organiser, eventId, form));

        Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
        Assert.Contains(outcome.Errors[field], m => m.Contains(message));
        var after = await fixture.WithDbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId));
        Assert.Equal((stored.Title, stored.Capacity, stored.TimeZoneId, stored.StartsAtUtc, stored.EndsAtUtc, stored.ConcurrencyStamp),
            (after.Title, after.Capacity, after.TimeZoneId, after.StartsAtUtc, after.EndsAtUtc, after.ConcurrencyStamp));
    }

    [Theory]
    [MemberData(nameof(BadInputApp.Names), MemberType = typeof(BadInputApp))]
    public async Task A_title_in_any_script_or_with_markup_is_stored_exactly_and_shown_encoded_to_staff_and_invitees(string title)
    {
        var form = BadInputApp.EventForm(title);
        form.Description = title;
        form.HostName = title;
        var created = await fixture.RunAsync<CreateEvent, Outcome<Guid>>(u => u.ExecuteAsync(fixture.Organiser, form));
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.SelectMany(e => e.Value)));

        var stored = await fixture.WithDbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.Id == created.Value));
        Assert.Equal((title, title, title), (stored.Title, stored.Description, stored.HostName));

        var staff = await fixture.StaffAsync();
        var overview = await staff.GetStringAsync($"/events/{created.Value}");
        Assert.Equal(title, BadInputApp.Parse(overview).QuerySelector("main h1")!.TextContent, StringComparer.Ordinal);
        Assert.DoesNotContain("<script>alert", overview);

        var (token, _) = await fixture.InviteAsync(created.Value);
        var invitation = await fixture.Anonymous().GetStringAsync($"/i/{token}");
        Assert.Equal(title, BadInputApp.Parse(invitation).QuerySelector("main h1")!.TextContent, StringComparer.Ordinal);
        Assert.Contains($"hosted by {title}", BadInputApp.Parse(invitation).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", invitation);
    }

    public static TheoryData<string, string, string> BadAgendaItems => new()
    {
        { "100 KB title", nameof(AgendaItemForm.Title), "at most 300 characters" },
        { "no title", nameof(AgendaItemForm.Title), "Enter a title" },
        { "before the event", nameof(AgendaItemForm.StartsLocal), "must start during the event" },
        { "after the event", nameof(AgendaItemForm.StartsLocal), "must start during the event" },
        { "ends before it starts", nameof(AgendaItemForm.EndsLocal), "must end after it starts" },
        { "ends after the event", nameof(AgendaItemForm.EndsLocal), "must end by the end of the event" },
        { "year 1", nameof(AgendaItemForm.StartsLocal), "must start during the event" },
        { "year 9999", nameof(AgendaItemForm.EndsLocal), "must end by the end of the event" },
    };

    [Theory]
    [MemberData(nameof(BadAgendaItems))]
    public async Task A_bad_agenda_item_is_refused_on_its_field_and_nothing_is_added(string how, string field, string message)
    {
        var eventId = await fixture.NewEventAsync();
        var start = BadInputApp.EventForm().StartsLocal!.Value;
        var form = new AgendaItemForm { Title = "Discussion", StartsLocal = start.AddHours(1), EndsLocal = start.AddHours(2) };
        switch (how)
        {
            case "100 KB title": form.Title = BadInputApp.Long; break;
            case "no title": form.Title = " "; break;
            case "before the event": form.StartsLocal = start.AddHours(-1); break;
            case "after the event": (form.StartsLocal, form.EndsLocal) = (start.AddHours(5), start.AddHours(6)); break;
            case "ends before it starts": form.EndsLocal = start.AddMinutes(30); break;
            case "ends after the event": form.EndsLocal = start.AddHours(4); break;
            case "year 1": form.StartsLocal = DateTime.MinValue; break;
            case "year 9999": form.EndsLocal = DateTime.MaxValue; break;
        }

        var outcome = await fixture.RunAsync<SaveAgendaItem, Outcome<Guid>>(u => u.ExecuteAsync(fixture.Organiser, eventId, form));

        Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
        Assert.Contains(outcome.Errors[field], m => m.Contains(message));
        Assert.Equal(0, await fixture.WithDbAsync(db => db.AgendaItems.CountAsync(a => a.EventId == eventId)));
    }

    [Theory]
    [MemberData(nameof(BadInputApp.Names), MemberType = typeof(BadInputApp))]
    public async Task An_agenda_item_titled_in_any_script_or_with_markup_is_stored_exactly_and_shown_encoded(string title)
    {
        var eventId = await fixture.NewEventAsync();
        var start = BadInputApp.EventForm().StartsLocal!.Value;

        var outcome = await fixture.RunAsync<SaveAgendaItem, Outcome<Guid>>(u => u.ExecuteAsync(fixture.Organiser, eventId, new AgendaItemForm { Title = title, StartsLocal = start }));

        Assert.True(outcome.Succeeded);
        Assert.Equal(title, await fixture.WithDbAsync(db => db.AgendaItems.Where(a => a.Id == outcome.Value).Select(a => a.Title).SingleAsync()), StringComparer.Ordinal);
        var page = await (await fixture.StaffAsync()).GetAsync($"/events/{eventId}/agenda");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(BadInputApp.Parse(html).QuerySelectorAll(".fw-semibold"), e => e.TextContent == title);
        Assert.DoesNotContain("<script>alert", html);
    }
}
