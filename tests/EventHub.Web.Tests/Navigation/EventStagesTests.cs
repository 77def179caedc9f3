using System.Reflection;
using EventHub.Web.Components.Pages.Events;
using Microsoft.AspNetCore.Components;

namespace EventHub.Web.Tests.Navigation;

/// <summary>Every page of an event belongs to a stage of the one stage map, so the event's navigation leads to it.</summary>
public sealed class EventStagesTests
{
    private static readonly Guid EventId = Guid.Parse("0193a3c4-0000-7000-8000-000000000001");

    public static IEnumerable<object[]> EventRoutes() => typeof(EventStages).Assembly.GetTypes()
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
        .Select(r => r.Template)
        .Where(t => t.StartsWith("/events/{EventId:guid}/", StringComparison.Ordinal))
        .Distinct()
        .Order()
        .Select(t => new object[] { t });

    [Theory]
    [MemberData(nameof(EventRoutes))]
    public void Every_event_page_has_its_stage(string template)
    {
        var path = template.TrimStart('/').Replace("{EventId:guid}", EventId.ToString()).Replace("{RegistrationId:guid}", Guid.NewGuid().ToString());

        var (stage, page) = EventStages.Locate(path, EventId);

        Assert.True(stage is not null, $"{template} is in no stage: add it to EventStages.All.");
        Assert.Contains(page, stage!.Pages);
    }

    [Theory]
    [InlineData("", null, "Overview")]
    [InlineData("/report/review", "Afterwards", "Review and circulation")]
    [InlineData("/report/circulate", "Afterwards", "Review and circulation")]
    [InlineData("/report/versions", "Afterwards", "Report")]
    [InlineData("/vetting?status=Pending", "Vet", "Vetting queue")]
    [InlineData("/edit", "Prepare", "Details")]
    public void An_address_opens_its_stage_and_page(string suffix, string? stage, string page)
    {
        var (foundStage, foundPage) = EventStages.Locate($"events/{EventId}{suffix}", EventId);

        Assert.Equal((stage, page), (foundStage?.Label, foundPage.Label));
    }

    [Fact]
    public void The_events_emails_belong_to_the_invite_stage()
    {
        var (stage, page) = EventStages.Locate($"outbox?event={EventId}", EventId);

        Assert.Equal(("Invite", "Emails"), (stage?.Label, page.Label));
    }
}
