using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using EventHub.Core.Data;
using EventHub.Core.Features.Door;
using EventHub.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests;

/// <summary>The offline door's API over HTTP: the session token as a bearer, the list's ETag, bad input, and a revoked session.</summary>
public sealed class DoorDeviceApiTests
{
    [Fact]
    public async Task A_door_device_reads_its_list_only_when_it_changed_gets_a_clear_refusal_for_bad_input_and_nothing_once_revoked()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database);
        var (clara, scenario, session) = await OpenMainDoorAsync(app);

        var device = app.CreateClient();
        device.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        var start = await device.GetFromJsonAsync<Dictionary<string, object>>("/door-api/session");
        using var first = await device.GetAsync("/door-api/list");
        var body = await first.Content.ReadAsStringAsync();
        using var unchanged = await SendAsync(device, HttpMethod.Get, "/door-api/list", etag: first.Headers.ETag);
        using var garbage = await SendAsync(device, HttpMethod.Post, "/door-api/check-ins", json: "{ not json");
        using var empty = await SendAsync(device, HttpMethod.Post, "/door-api/check-ins", json: "[]");
        using var anonymous = await app.CreateClient().GetAsync("/door-api/list");

        Assert.Equal("Main door", start!["label"].ToString());
        Assert.Equal(32, Convert.FromBase64String(start["listKey"].ToString()!).Length);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("\"name\":\"Ada Novak\"", body);
        Assert.DoesNotContain(scenario.Attendees[0].Token, body); // the hash only, never the token
        Assert.Contains(Core.Common.PersonalToken.Hash(scenario.Attendees[0].Token), body);
        Assert.Equal("no-store", first.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Contains("could not be read", await garbage.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var id = await app.WithDbAsync(db => Task.FromResult(db.DoorSessions.Single().Id));
            Assert.True((await scope.ServiceProvider.GetRequiredService<RevokeDoorSession>().ExecuteAsync(clara, scenario.EventId, id)).Succeeded);
        }

        using var afterRevoke = await device.GetAsync("/door-api/list");
        using var sessionAfter = await device.GetAsync("/door-api/session");
        Assert.Equal(HttpStatusCode.Forbidden, afterRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, sessionAfter.StatusCode);
    }

    [Fact]
    public async Task A_door_device_whose_browser_reads_french_gets_the_door_words_and_its_day_in_french_and_the_app_uses_only_words_the_server_has()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database);
        var (_, _, session) = await OpenMainDoorAsync(app);

        var device = app.CreateClient();
        device.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        device.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR,fr;q=0.9");
        using var french = System.Text.Json.JsonDocument.Parse(await device.GetStringAsync("/door-api/session"));
        using var englishClient = app.CreateClient();
        englishClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        using var inEnglish = System.Text.Json.JsonDocument.Parse(await englishClient.GetStringAsync("/door-api/session"));

        var texts = french.RootElement.GetProperty("texts");
        Assert.Equal("✔ ADMIS", texts.GetProperty("Admitted").GetString());
        Assert.Equal("✖ PAS SUR LA LISTE", texts.GetProperty("NotOnList").GetString());
        Assert.Equal("fr-FR", french.RootElement.GetProperty("locale").GetString());
        var day = french.RootElement.GetProperty("doorDay").GetString()!;
        Assert.Matches("^(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) ", day);
        Assert.Equal("Main door", french.RootElement.GetProperty("label").GetString());
        Assert.Equal("✔ ADMITTED", inEnglish.RootElement.GetProperty("texts").GetProperty("Admitted").GetString());

        // Every word the app shows is one the server sends, and the app's English (shown before the first answer) is the server's.
        var root = RepositoryPaths.Root;
        var script = File.ReadAllText(Path.Combine(root, "src/EventHub.Web/wwwroot/door-app/door.js"));
        var page = File.ReadAllText(Path.Combine(root, "src/EventHub.Web/wwwroot/door-app/index.html"));
        var used = System.Text.RegularExpressions.Regex.Matches(script, @"\bt\('(\w+)'").Select(m => m.Groups[1].Value)
            .Concat(System.Text.RegularExpressions.Regex.Matches(script, @"(admitted|already|refused|confirm): '(\w+)'").Select(m => m.Groups[2].Value))
            .Concat(System.Text.RegularExpressions.Regex.Matches(page, @"data-text(?:-label|-placeholder)?=""(\w+)""").Select(m => m.Groups[1].Value))
            .Concat(["PageTitle", "Online", "Offline"]).Distinct().ToList();
        var sent = inEnglish.RootElement.GetProperty("texts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.True(used.All(sent.ContainsKey), "The door app uses words the server does not send: " + string.Join(", ", used.Where(k => !sent.ContainsKey(k))));
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(script, @"^    (\w+): (""(?:[^""\\]|\\.)*""),$", System.Text.RegularExpressions.RegexOptions.Multiline))
        {
            Assert.Equal(sent[m.Groups[1].Value], System.Text.Json.JsonSerializer.Deserialize<string>(m.Groups[2].Value));
        }
    }

    /// <summary>An organiser's event that started an hour ago with one approved attendee, and a door session "Main door" opened for it.</summary>
    private static async Task<(System.Security.Claims.ClaimsPrincipal Organiser, DoorScenario Scenario, OpenedDoorSession Session)> OpenMainDoorAsync(EventHubAppFactory app)
    {
        var kas = await app.WithDbAsync(db => TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS"));
        var clara = TestUsers.Principal(await app.CreateUserAsync("clara@kas.example", "correct horse battery staple", kas.Id, organisationRoles: [OrganisationRole.CreatesEvents]));
        var scenario = await DoorScenario.CreateAsync(app.Services, clara, DoorScenario.StartedAnHourAgo(DateTime.UtcNow), [("Ada Novak", "Central Asia Institute")]);
        await using var scope = app.Services.CreateAsyncScope();
        var session = (await scope.ServiceProvider.GetRequiredService<OpenDoorSession>().ExecuteAsync(clara, scenario.EventId, new DoorSessionForm { Label = "Main door" })).Value!;
        return (clara, scenario, session);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, EntityTagHeaderValue? etag = null, string? json = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (etag is not null)
        {
            request.Headers.IfNoneMatch.Add(etag);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request);
    }
}
