using System.Net;
using System.Text.RegularExpressions;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Access;
using EventHub.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests;

/// <summary>Who is asking, in the matrix.</summary>
public enum Who
{
    Anonymous,
    AttendeeOfThisEvent,
    AttendeeOfAnotherEvent,
    DoorStaff,
    Vetter,
    OrganiserOfAnotherEvent,

    /// <summary>Staff of the event's organisation who may create its events, keep its directory and grant roles, but are on no team: organisation roles open no event.</summary>
    OrganisationManagerOffTheTeam,
    OrganiserOfThisEvent,
    Administrator,
}

/// <summary>What they should get.</summary>
public enum Expect
{
    /// <summary>The content (a page that shows the list, a file with the right bytes).</summary>
    Granted,

    /// <summary>Sent to the login page: not signed in.</summary>
    Login,

    /// <summary>403, 404 or, for a Blazor page (which answers 200), the NoAccess message and none of the content.</summary>
    Refused,
}

/// <summary>
/// The authorization matrix of closed-door access (issue 5, items 3–6): every page, export and download of the feature,
/// for every kind of person, over HTTP against the real app; the decrypted security data shows for organisers only.
/// Routes are read from the app's own endpoints: a new page or endpoint under /documents, /access-list or /participants
/// without a row here fails the test.
/// </summary>
public sealed class AccessAuthorizationMatrixTests
{
    private const string Password = "correct horse battery staple";
    private static readonly Regex FeatureRoute = new(@"/(documents|access-list|participants)(/|\.|$)", RegexOptions.IgnoreCase);

    private static readonly Who[] Team = [Who.Vetter, Who.OrganiserOfThisEvent, Who.Administrator];

    /// <summary>The route patterns as the app registers them, and who gets what. Anyone not named gets the route's default.</summary>
    private static readonly (string Route, Expect Otherwise, Who[] Granted, Who[] Login)[] Matrix =
    [
        ("/events/{EventId:guid}/participants", Expect.Refused, Team, [Who.Anonymous, Who.AttendeeOfThisEvent, Who.AttendeeOfAnotherEvent]),
        ("/events/{EventId:guid}/access-list", Expect.Refused, Team, [Who.Anonymous, Who.AttendeeOfThisEvent, Who.AttendeeOfAnotherEvent]),
        ("/events/{EventId:guid}/documents", Expect.Refused, Team, [Who.Anonymous, Who.AttendeeOfThisEvent, Who.AttendeeOfAnotherEvent]),
        ("/events/{eventId:guid}/access-list.csv", Expect.Refused, Team, [Who.Anonymous, Who.AttendeeOfThisEvent, Who.AttendeeOfAnotherEvent]),
        ("/events/{eventId:guid}/access-list.xlsx", Expect.Refused, Team, [Who.Anonymous, Who.AttendeeOfThisEvent, Who.AttendeeOfAnotherEvent]),
        ("/events/{eventId:guid}/documents/{documentId:guid}/download", Expect.Refused, Team, [Who.Anonymous, Who.AttendeeOfThisEvent, Who.AttendeeOfAnotherEvent]),
        // Personal links: only the holder of an approved registration's link of this event; everyone else holds no such link.
        ("/r/{token}/documents/{documentId:guid}", Expect.Refused, [Who.AttendeeOfThisEvent], []),
    ];

    [Fact]
    public async Task Every_page_export_and_download_of_the_feature_answers_each_person_as_it_should_and_is_audited()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var documents = Path.Combine(Path.GetTempPath(), "eventhub-tests", "documents-" + Guid.NewGuid().ToString("N"));
        await using var app = EventHubAppFactory.Create(database, settings: new Dictionary<string, string?>
        {
            ["Documents:Directory"] = documents,
            ["RateLimits:PersonalLinkPerMinute"] = "1000",
        });
        var world = await World.CreateAsync(app);

        // Completeness: every route of the feature area has a row, and every row is a real route.
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => FeatureRoute.IsMatch(r))
            .Distinct().Order().ToList();
        Assert.Equal(Matrix.Select(m => m.Route).Order(), routes);

        var failures = new List<string>();
        var granted = new Dictionary<string, int>();
        foreach (var (route, otherwise, grantedTo, login) in Matrix)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                var expected = grantedTo.Contains(who) ? Expect.Granted : login.Contains(who) ? Expect.Login : otherwise;
                var client = await world.ClientAsync(who);
                var url = world.Url(route, who);
                var response = await client.GetAsync(url);
                var actual = await ClassifyAsync(response, route, world);
                if (actual != expected)
                {
                    failures.Add($"{route} as {who}: expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
                }

                // Security data (decrypted date of birth, nationality, document number): the event's organisers only.
                var showsSecurity = (await response.Content.ReadAsStringAsync()).Contains(World.SecurityDocumentNumber, StringComparison.Ordinal);
                var mayReadSecurity = who is Who.OrganiserOfThisEvent or Who.Administrator;
                if (showsSecurity && !mayReadSecurity)
                {
                    failures.Add($"{route} as {who}: shows the decrypted security data");
                }
                else if (!showsSecurity && mayReadSecurity && actual == Expect.Granted && route.EndsWith(".csv", StringComparison.Ordinal))
                {
                    failures.Add($"{route} as {who}: the security columns are missing");
                }

                if (actual == Expect.Granted)
                {
                    granted[route] = granted.GetValueOrDefault(route) + 1;
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // An export and a download each leave an audit entry: one per granted request.
        var audits = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EventId == world.EventId).ToListAsync());
        Assert.Equal(granted["/events/{eventId:guid}/access-list.csv"] + granted["/events/{eventId:guid}/access-list.xlsx"], audits.Count(a => a.Action == "access-list.exported"));
        Assert.Equal(granted["/events/{eventId:guid}/documents/{documentId:guid}/download"] + granted["/r/{token}/documents/{documentId:guid}"], audits.Count(a => a.Action == "document.downloaded"));
        Assert.Contains(audits, a => a.Action == "document.downloaded" && a.ActorUserId == null && a.Details!.Contains("attendee Ada Novak"));
    }

    [Fact]
    public async Task The_attendee_page_shows_venue_entrance_documents_and_listed_people_only_once_approved()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database, settings: new Dictionary<string, string?>
        {
            ["Documents:Directory"] = Path.Combine(Path.GetTempPath(), "eventhub-tests", "documents-" + Guid.NewGuid().ToString("N")),
        });
        var world = await World.CreateAsync(app);
        var client = app.CreateClient();

        var approved = await client.GetStringAsync("/r/" + world.ApprovedToken);
        var pending = await client.GetStringAsync("/r/" + world.PendingToken);
        var elsewhere = await client.GetStringAsync("/r/" + world.OtherEventToken);

        Assert.Contains("Room ASP 5G2", approved);
        Assert.Contains("Use the Rue Wiertz entrance", approved);
        Assert.Contains("The study", approved);
        Assert.Contains("Lena Listed, NATO", approved);
        Assert.DoesNotContain("Pia Pending", approved);
        Assert.Contains("Chatham House Rule", approved);
        Assert.Contains("Speakers may be named and quoted.", approved);
        foreach (var page in new[] { pending, elsewhere })
        {
            Assert.DoesNotContain("Room ASP 5G2", page);
            Assert.DoesNotContain("Rue Wiertz", page);
            Assert.DoesNotContain("The study", page);
            Assert.DoesNotContain("Lena Listed", page);
        }
    }

    private static async Task<Expect> ClassifyAsync(HttpResponseMessage response, string route, World world)
    {
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) == true)
        {
            return Expect.Login;
        }

        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("AccessDenied", StringComparison.OrdinalIgnoreCase) == true))
        {
            return Expect.Refused;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (Expect)(-1);
        }

        var body = await response.Content.ReadAsByteArrayAsync();
        var text = System.Text.Encoding.UTF8.GetString(body);
        if (route.EndsWith("/download", StringComparison.Ordinal) || route.StartsWith("/r/", StringComparison.Ordinal))
        {
            Assert.Equal(world.DocumentBytes, body);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("Étude – Asie centrale.pdf", response.Content.Headers.ContentDisposition.FileNameStar);
            return Expect.Granted;
        }

        if (route.EndsWith(".csv", StringComparison.Ordinal))
        {
            Assert.Contains("Ada Novak", text);
            return Expect.Granted;
        }

        if (route.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            Assert.StartsWith("PK", text);
            return Expect.Granted;
        }

        // A Blazor page answers 200 either way: what it shows decides.
        if (text.Contains("This page does not exist, or you do not have access to it."))
        {
            Assert.DoesNotContain("Ada Novak", text);
            Assert.DoesNotContain("The study", text);
            return Expect.Refused;
        }

        var content = route switch
        {
            _ when route.EndsWith("/participants", StringComparison.Ordinal) => "Ada Novak",
            _ when route.EndsWith("/documents", StringComparison.Ordinal) => "The study",
            _ => "Access list for building security",
        };
        return text.Contains(content) ? Expect.Granted : (Expect)(-2);
    }

    /// <summary>Two events of two organisations, their teams, approved, pending and listed attendees, and a document.</summary>
    private sealed class World
    {
        private readonly EventHubAppFactory app;
        private readonly Dictionary<Who, HttpClient> clients = [];
        private readonly Dictionary<Who, string> emails = [];

        private World(EventHubAppFactory app) => this.app = app;

        /// <summary>Ada's identity document number, encrypted in her registration; the event's access list asks for every column.</summary>
        public const string SecurityDocumentNumber = "EH-MATRIX-4711";

        public Guid EventId { get; private set; }
        public Guid DocumentId { get; private set; }
        public string ApprovedToken { get; private set; } = "";
        public string PendingToken { get; private set; } = "";
        public string OtherEventToken { get; private set; } = "";
        public byte[] DocumentBytes { get; } = "%PDF-1.4\n% The study\n%%EOF\n"u8.ToArray();

        public static async Task<World> CreateAsync(EventHubAppFactory app)
        {
            var world = new World(app);
            _ = app.CreateClient(); // starts the host, migrating the database
            var admin = await app.CreateUserAsync("admin@kas.example", Password, administrator: true);
            var organiser = await app.CreateUserAsync("clara@kas.example", Password);
            var otherOrganiser = await app.CreateUserAsync("ivan@other.example", Password);
            var vetter = await app.CreateUserAsync("vera@enc.example", Password);
            var door = await app.CreateUserAsync("marc@kas.example", Password);
            var manager = await app.CreateUserAsync("olga@kas.example", Password);
            world.emails[Who.OrganisationManagerOffTheTeam] = manager.Email!;
            world.emails[Who.Administrator] = admin.Email!;
            world.emails[Who.OrganiserOfThisEvent] = organiser.Email!;
            world.emails[Who.OrganiserOfAnotherEvent] = otherOrganiser.Email!;
            world.emails[Who.Vetter] = vetter.Email!;
            world.emails[Who.DoorStaff] = door.Email!;

            var now = DateTime.UtcNow;
            Registration Person(Guid eventId, string name, RegistrationStatus status, bool listed = false) => new()
            {
                Id = Guid.NewGuid(), EventId = eventId, Status = status, Name = name, Email = name.Split(' ')[0].ToLowerInvariant() + "@think.example",
                NormalizedEmail = name.Split(' ')[0].ToLowerInvariant() + "@think.example", OrganisationName = name == "Lena Listed" ? "NATO" : "Think",
                ListMeConsent = listed, CreatedAtUtc = now, UpdatedAtUtc = now, ConcurrencyStamp = Guid.NewGuid(),
            };

            (string Token, RegistrationLink Link) Link(Registration r)
            {
                var (token, hash) = PersonalToken.Create();
                return (token, new RegistrationLink { Id = Guid.NewGuid(), RegistrationId = r.Id, TokenHash = hash, CreatedAtUtc = now });
            }

            await app.WithDbAsync(async db =>
            {
                var kas = new Organisation { Id = Guid.NewGuid(), Name = "Konrad-Adenauer-Stiftung" };
                var other = new Organisation { Id = Guid.NewGuid(), Name = "Another Foundation" };
                Event NewEvent(string title, Organisation o) => new()
                {
                    Id = Guid.NewGuid(), Title = title, TimeZoneId = "Europe/Brussels", OrganisationId = o.Id, Status = EventStatus.Open, Capacity = 35,
                    StartsAtUtc = now.AddDays(20), EndsAtUtc = now.AddDays(20).AddHours(3), City = "Brussels", Venue = title == "Other" ? "Other room" : "Room ASP 5G2",
                    EntranceInstructions = title == "Other" ? null : "Use the Rue Wiertz entrance; bring your passport.", CreatedAtUtc = now, UpdatedAtUtc = now, ConcurrencyStamp = Guid.NewGuid(),
                };
                var here = NewEvent("Security Engagement in Central Asia", kas);
                here.RequireSecurityData = true;
                here.AccessListFields = [.. Enum.GetNames<AccessListField>()];
                var there = NewEvent("Other", other);
                db.AddRange(kas, other, here, there);
                db.OrganisationRoleGrants.AddRange(Enum.GetValues<OrganisationRole>().Select(r => new OrganisationRoleGrant { OrganisationId = kas.Id, UserId = manager.Id, Role = r, GrantedAtUtc = now }));
                db.AgendaItems.Add(new AgendaItem { Id = Guid.NewGuid(), EventId = here.Id, Title = "Welcome by the host", StartsAtUtc = here.StartsAtUtc, Confidentiality = ConfidentialityLevel.OnTheRecord });
                db.EventTeamMembers.AddRange(
                    new EventTeamMember { Id = Guid.NewGuid(), EventId = here.Id, UserId = organiser.Id, Role = EventRole.Organiser, AddedAtUtc = now },
                    new EventTeamMember { Id = Guid.NewGuid(), EventId = here.Id, UserId = vetter.Id, Role = EventRole.Vetter, AddedAtUtc = now },
                    new EventTeamMember { Id = Guid.NewGuid(), EventId = here.Id, UserId = door.Id, Role = EventRole.DoorStaff, AddedAtUtc = now },
                    new EventTeamMember { Id = Guid.NewGuid(), EventId = there.Id, UserId = otherOrganiser.Id, Role = EventRole.Organiser, AddedAtUtc = now });
                var ada = Person(here.Id, "Ada Novak", RegistrationStatus.Approved);
                ada.ProtectedSecurityData = app.Services.GetRequiredService<EventHub.Core.Registrations.SecurityData>()
                    .Protect(new EventHub.Core.Registrations.SecurityDetails(new DateOnly(1980, 5, 17), "Belgian", "Passport", SecurityDocumentNumber));
                var lena = Person(here.Id, "Lena Listed", RegistrationStatus.Approved, listed: true);
                var pia = Person(here.Id, "Pia Pending", RegistrationStatus.Pending, listed: true);
                var omar = Person(there.Id, "Omar Other", RegistrationStatus.Approved, listed: true);
                db.Registrations.AddRange(ada, lena, pia, omar);
                var links = new[] { Link(ada), Link(pia), Link(omar) };
                db.RegistrationLinks.AddRange(links.Select(l => l.Link));
                (world.EventId, world.ApprovedToken, world.PendingToken, world.OtherEventToken) = (here.Id, links[0].Token, links[1].Token, links[2].Token);
                return await db.SaveChangesAsync();
            });

            await using var scope = app.Services.CreateAsyncScope();
            var upload = await scope.ServiceProvider.GetRequiredService<UploadDocument>().ExecuteAsync(
                TestUsers.Principal(organiser), world.EventId, new DocumentUpload("The study", "Étude – Asie centrale.pdf", world.DocumentBytes.Length, new MemoryStream(world.DocumentBytes)));
            Assert.True(upload.Succeeded, string.Join(" ", upload.Errors.SelectMany(e => e.Value)));
            world.DocumentId = upload.Value;
            return world;
        }

        public string Url(string route, Who who) => route
            .Replace("{EventId:guid}", EventId.ToString()).Replace("{eventId:guid}", EventId.ToString())
            .Replace("{documentId:guid}", DocumentId.ToString())
            .Replace("{token}", who switch
            {
                Who.AttendeeOfThisEvent => ApprovedToken,
                Who.AttendeeOfAnotherEvent => OtherEventToken,
                _ => PersonalToken.Create().Token, // no link of their own: anything they try is a guess
            });

        public async Task<HttpClient> ClientAsync(Who who)
        {
            if (clients.TryGetValue(who, out var existing))
            {
                return existing;
            }

            var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            if (emails.TryGetValue(who, out var email))
            {
                await LogInAsync(client, email);
            }

            clients[who] = client;
            return client;
        }

        private static async Task LogInAsync(HttpClient client, string email)
        {
            var page = await client.GetStringAsync("/Account/Login");
            var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["_handler"] = "login",
                ["Input.Email"] = email,
                ["Input.Password"] = Password,
            }));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("Login") != true,
                $"login of {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }
}
