using System.Net;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EventHub.Web.Tests;

public sealed class PersonalLinkTests
{
    [Fact]
    public async Task Personal_link_pages_answer_429_to_a_client_that_tries_too_many()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database, settings: new Dictionary<string, string?> { ["RateLimits:PersonalLinkPerMinute"] = "5" });
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await client.GetAsync("/i/" + PersonalToken.Create().Token)).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5).Concat([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]), statuses);
        // Staff pages are not limited by it.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task A_forged_link_shows_the_plain_page_without_a_referrer_and_uncached()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database);
        var client = app.CreateClient();

        var response = await client.GetAsync("/i/" + PersonalToken.Create().Token);
        var unsubscribe = await client.GetAsync("/unsubscribe/not-a-real-token");

        Assert.Contains("This link is not valid", await response.Content.ReadAsStringAsync());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("no-referrer", unsubscribe.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task The_attendee_page_and_its_calendar_entry_refuse_a_forged_link_without_a_referrer_and_limit_the_rate()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database, settings: new Dictionary<string, string?> { ["RateLimits:PersonalLinkPerMinute"] = "4" });
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = PersonalToken.Create().Token;

        var page = await client.GetAsync("/r/" + token);
        var calendar = await client.GetAsync($"/r/{token}/calendar.ics");
        var request = await client.GetAsync($"/request/{Guid.NewGuid()}");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            statuses.Add((await client.GetAsync("/r/" + token)).StatusCode);
        }

        Assert.Contains("This link is not valid", await page.Content.ReadAsStringAsync());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", page.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, calendar.StatusCode);
        Assert.Equal("no-referrer", calendar.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("Requests to attend are not available", await request.Content.ReadAsStringAsync());
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
