using EventHub.Core.Features.Registrations;
using EventHub.Web.Hosting;

namespace EventHub.Web.Endpoints;

public static class RegistrationEndpoints
{
    public static IEndpointRouteBuilder MapRegistrationEndpoints(this IEndpointRouteBuilder app)
    {
        var attendee = app.MapGroup("/r/{token}").AsPersonalLink();
        attendee.MapGet("/calendar.ics", CalendarEntryAsync);
        return app;
    }

    /// <summary>The attendee's calendar entry: approved registrations only (the venue is in it).</summary>
    private static async Task<IResult> CalendarEntryAsync(string token, GetCalendarEntry get, CancellationToken ct)
        => (await get.ExecuteAsync(token, ct)).ToHttpResult(file => Results.File(file.Content, "text/calendar; charset=utf-8", file.FileName));
}
