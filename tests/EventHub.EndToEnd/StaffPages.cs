using EventHub.Core.Data;
using EventHub.TestSupport;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.EndToEnd;

/// <summary>A page behind a staff login, with the address to open it at over the demo data and its component.</summary>
public sealed record StaffPage(string Path, Type Component)
{
    /// <summary>
    /// The pages behind a staff login, from the app's own route table (so a new page is covered without a line in a test):
    /// every routed component except the public ones reached by personal links and the account pages before login, with the
    /// route's parameters filled in from the demo (the event, a pending registration, a contact, an email).
    /// </summary>
    public static async Task<IReadOnlyList<StaffPage>> OfDemoAsync(EventHubAppFactory app)
    {
        var eventId = await app.WithDbAsync(db => db.Events.Select(e => e.Id).SingleAsync());
        var registrationId = await app.WithDbAsync(db => db.Registrations.Where(r => r.Status == RegistrationStatus.Pending).OrderBy(r => r.CreatedAtUtc).Select(r => r.Id).FirstAsync());
        var contactId = await app.WithDbAsync(db => db.Contacts.Select(c => c.Id).FirstAsync());
        var emailId = await app.WithDbAsync(db => db.OutboundEmails.Where(m => m.EventId == eventId).Select(m => m.Id).FirstAsync());
        var kasId = await app.WithDbAsync(db => db.Organisations.Where(o => o.Acronym == "KAS").Select(o => o.Id).SingleAsync());
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Route: "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'), Component: e.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type))
            .Where(e => e.Component is not null)
            .DistinctBy(e => e.Route).OrderBy(e => e.Route, StringComparer.Ordinal);
        var pages = new List<StaffPage>();
        foreach (var (route, component) in routes)
        {
            if (route.Contains("{Token}", StringComparison.Ordinal) || route.Contains("{Slug}", StringComparison.Ordinal) || route.StartsWith("/request/", StringComparison.Ordinal)
                || route is "/not-found" or "/Error" || route.StartsWith("/Account/", StringComparison.Ordinal) && route != "/Account/Manage")
            {
                continue;
            }

            var path = route.Replace("{EventId:guid}", eventId.ToString()).Replace("{RegistrationId:guid}", registrationId.ToString());
            path = path.StartsWith("/directory/{Id:guid}", StringComparison.Ordinal) ? path.Replace("{Id:guid}", contactId.ToString())
                : path.StartsWith("/outbox/{Id:guid}", StringComparison.Ordinal) ? path.Replace("{Id:guid}", emailId.ToString()) : path;
            if (path.Contains('{'))
            {
                continue; // a page whose address needs something the demo does not have
            }

            pages.Add(new StaffPage(path is "/directory/new" or "/directory/import" ? $"{path}?organisation={kasId}" : path, component!));
        }

        return pages;
    }
}
