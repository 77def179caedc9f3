using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Demo;

public sealed record DemoLogin(string Email, string Role, string Password);

/// <summary>
/// The demo installation, from shared/seed-event-report.md: the foundation, the partner council, the host's office,
/// one user per role, and the background talk on Central Asia, dated two weeks ahead so that every stage can be shown.
/// </summary>
public sealed class SeedDemo(
    EventHubDbContext db,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IUserClaimsPrincipalFactory<ApplicationUser> principals,
    Invitations.InvitationMailer invitationMailer,
    Invitations.AcceptInvitation acceptInvitation,
    Vetting.DecideRegistration decideRegistration,
    TimeProvider clock)
{
    public const string AdminEmail = "admin@eventhub.demo";

    /// <summary>The demo's multi-party vetting: each registration needs the approval of all three.</summary>
    public static readonly IReadOnlyList<string> ApproverGroups = ["Organiser", "Co-organiser", "Host office"];

    public async Task<IReadOnlyList<DemoLogin>?> ExecuteAsync(CancellationToken ct = default)
    {
        await CreateAdministrator.EnsureRolesAsync(roles);
        if (await users.FindByEmailAsync(AdminEmail) is not null)
        {
            return null; // already seeded
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Organisation Org(string name, string? acronym, string[] aliases, string[] domains) => new()
        {
            Id = Guid.CreateVersion7(), Name = name, Acronym = acronym, Aliases = [.. aliases], EmailDomains = [.. domains], CreatedAtUtc = now,
        };

        var kas = await FindOrAdd(Org("Konrad-Adenauer-Stiftung", "KAS", ["Konrad Adenauer Stiftung", "Konrad Adenauer Foundation", "KAS MDPD", "Multinational Development Policy Dialogue", "MDPD"], ["kas.de"]), ct);
        var enc = await FindOrAdd(Org("European Neighbourhood Council", "ENC", [], ["enc-eu.org"]), ct);
        var hostOffice = await FindOrAdd(Org("Office of MEP Michael Gahler", null, ["EPP Group", "European People's Party Group"], ["europarl.europa.eu"]), ct);
        await FindOrAdd(Org("European External Action Service", "EEAS", [], ["eeas.europa.eu"]), ct);
        await FindOrAdd(Org("North Atlantic Treaty Organization", "NATO", ["OTAN", "NATO HQ"], ["hq.nato.int"]), ct);
        await FindOrAdd(Org("European Commission", null, ["the Commission", "DG NEAR", "DG INTPA"], ["ec.europa.eu"]), ct);
        await db.SaveChangesAsync(ct);

        var logins = new List<DemoLogin>();
        async Task<ApplicationUser> User(string email, string name, Organisation? org, string role)
        {
            var password = CreateAdministrator.GeneratePassword();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, OrganisationId = org?.Id, CreatedAtUtc = now };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Could not create demo user {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }

            logins.Add(new DemoLogin(email, role, password));
            return user;
        }

        var admin = await User(AdminEmail, "Installation Administrator", null, "Administrator");
        await users.AddToRoleAsync(admin, Authorization.Roles.Administrator);
        var organiser = await User("organiser@eventhub.demo", "Clara Neumann", kas, "Organiser");
        var coOrganiser = await User("vetter@eventhub.demo", "Pieter de Vries", enc, "Vetter (co-organiser)");
        var door = await User("door@eventhub.demo", "Marc Dubois", kas, "Door staff");
        var rapporteur = await User("rapporteur@eventhub.demo", "Anna Kowalska", kas, "Rapporteur");
        var hostReviewer = await User("host@eventhub.demo", "Lena Fischer", hostOffice, "Host reviewer");

        const string zone = "Europe/Brussels";
        var day = EventTime.ToLocal(now, zone).Date.AddDays(14);
        DateTime At(int hour, int minute) => EventTime.ToUtc(day.AddHours(hour).AddMinutes(minute), zone)!.Value;
        var talk = new Event
        {
            Id = Guid.CreateVersion7(),
            Title = "China's and Russia's Security Engagement in Central Asia – Suggestions for a European Response",
            Description = "A closed-door background talk under the Chatham House Rule. Based on the findings of the KAS study "
                + "\"China's Security and Military Cooperation in Central Asia and its relevance to Europe\", and in light of the war in Ukraine, "
                + "around 35 experts from the EU institutions, NATO, academia and think tanks discuss Central Asia's rising relevance for Europe.",
            StartsAtUtc = At(10, 0),
            EndsAtUtc = At(13, 0),
            TimeZoneId = zone,
            City = "Brussels",
            Venue = "European Parliament, Altiero Spinelli building, meeting room ASP 5G2, Rue Wiertz 60",
            Capacity = 35,
            HostName = "MEP Michael Gahler (DE), EPP Group Coordinator for Foreign Affairs",
            HostOrganisationId = hostOffice.Id,
            OrganisationId = kas.Id,
            CoOrganisers = [enc],
            Status = EventStatus.Open,
            RequireSecurityData = true, // the Parliament's building security asks for them
            ApproverGroups = [.. ApproverGroups],
            ReportReviewerGroups = ["Host office", "Co-organiser"],
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            ConcurrencyStamp = Guid.NewGuid(),
            AgendaItems =
            [
                new() { Id = Guid.CreateVersion7(), Title = "Welcome by the host", StartsAtUtc = At(10, 0), EndsAtUtc = At(10, 15), Confidentiality = ConfidentialityLevel.OnTheRecord, SortOrder = 0 },
                new() { Id = Guid.CreateVersion7(), Title = "Presentation of the study by its author, Farkhod Aminjonov", StartsAtUtc = At(10, 15), EndsAtUtc = At(10, 45), Confidentiality = ConfidentialityLevel.OnTheRecord, SortOrder = 1 },
                new() { Id = Guid.CreateVersion7(), Title = "Discussion: implications for Europe and recommendations for the EU", StartsAtUtc = At(10, 45), EndsAtUtc = At(12, 30), Confidentiality = ConfidentialityLevel.ChathamHouse, SortOrder = 2 },
                new() { Id = Guid.CreateVersion7(), Title = "Closing remarks by KAS MDPD", StartsAtUtc = At(12, 30), EndsAtUtc = At(13, 0), Confidentiality = ConfidentialityLevel.OnTheRecord, SortOrder = 3 },
            ],
        };
        db.Events.Add(talk);
        db.ReminderRules.AddRange(Reminders.ReminderSchedule.Defaults(talk.Id, now));
        // The partner council's vetter decides for the co-organiser; the MEP's office vets and reviews the report for the host.
        foreach (var (user, role, group) in new[]
                 {
                     (organiser, EventRole.Organiser, (string?)null), (coOrganiser, EventRole.Vetter, "Co-organiser"), (door, EventRole.DoorStaff, null),
                     (rapporteur, EventRole.Rapporteur, null), (hostReviewer, EventRole.HostReviewer, "Host office"),
                 })
        {
            db.EventTeamMembers.Add(new EventTeamMember { Id = Guid.CreateVersion7(), EventId = talk.Id, UserId = user.Id, Role = role, ApproverGroup = group, AddedAtUtc = now });
        }

        // The organiser starts KAS's events, keeps its directory and grants these roles; the rest of the team holds none.
        foreach (var role in Enum.GetValues<OrganisationRole>())
        {
            db.OrganisationRoleGrants.Add(new OrganisationRoleGrant { OrganisationId = kas.Id, UserId = organiser.Id, Role = role, GrantedAtUtc = now });
        }

        await db.SaveChangesAsync(ct);
        var accepted = await SeedDirectoryAsync(kas, talk, now, ct);
        await SeedRegistrationsAsync(accepted, new Dictionary<string, System.Security.Claims.ClaimsPrincipal>
        {
            ["Organiser"] = await principals.CreateAsync(organiser),
            ["Co-organiser"] = await principals.CreateAsync(coOrganiser),
            ["Host office"] = await principals.CreateAsync(hostReviewer),
        }, ct);
        return logins;
    }

    /// <summary>
    /// Six invitees accept through the invitation form, as they would from the emailed link, and the three approver groups
    /// decide through the vetting use case: three are approved by all (their passes go out with the approval email, so the
    /// door has someone to admit), one by two groups, one by the organiser only, and one waits for everyone.
    /// </summary>
    private async Task SeedRegistrationsAsync(IReadOnlyList<(Contact Contact, string Token)> accepted, IReadOnlyDictionary<string, System.Security.Claims.ClaimsPrincipal> groups, CancellationToken ct)
    {
        (string Name, string[] Groups)[] approvals =
        [
            ("Amira Haddad", ["Organiser", "Co-organiser", "Host office"]),
            ("Dr. Elena Petrova", ["Organiser", "Host office", "Co-organiser"]),
            ("Sophie Laurent", ["Co-organiser", "Organiser", "Host office"]),
            ("Jonas Weber", ["Organiser", "Co-organiser"]),
            ("Marta Kowalczyk", ["Organiser"]),
        ];
        (string Nationality, string Document)[] papers = [("French", "FR-19A42871"), ("Polish", "PL-AX553012"), ("Bulgarian", "BG-641209877"), ("German", "DE-C01X00T47"), ("Kazakh", "KZ-N10485523"), ("Belgian", "BE-EL778201")];
        for (var i = 0; i < accepted.Count; i++)
        {
            var (contact, token) = accepted[i];
            var outcome = await acceptInvitation.ExecuteAsync(token, new Invitations.AcceptForm
            {
                Name = contact.Name,
                Email = contact.Email,
                Organisation = contact.OrganisationName ?? (await db.Organisations.SingleAsync(o => o.Id == contact.OrganisationId, ct)).Name,
                Position = contact.Position,
                Sector = contact.Sector,
                ListMeConsent = i % 2 == 0,
                DateOfBirth = new DateOnly(1975 + i * 3, 1 + i, 10 + i),
                Nationality = papers[i].Nationality,
                DocumentType = "Passport",
                DocumentNumber = papers[i].Document,
                AcknowledgeRule = true,
            }, ct);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException($"Demo: {contact.Name} could not accept: {string.Join(" ", outcome.Errors.SelectMany(e => e.Value))}");
            }
        }

        foreach (var (name, deciding) in approvals)
        {
            var registration = await db.Registrations.AsNoTracking().SingleAsync(r => r.Name == name, ct);
            foreach (var group in deciding)
            {
                var decided = await decideRegistration.ExecuteAsync(groups[group], registration.Id, new Vetting.DecisionForm { Decision = VettingDecision.Approved }, ct);
                if (!decided.Succeeded)
                {
                    throw new InvalidOperationException($"Demo: {group} could not approve {name}: {string.Join(" ", decided.Errors.SelectMany(e => e.Value))}");
                }
            }
        }
    }

    /// <summary>
    /// A small, fictional directory of experts; eight of them invited, so the outbox holds invitations with working links.
    /// Returns five of the invited with a link of their own, for the demo's registrations.
    /// </summary>
    private async Task<IReadOnlyList<(Contact Contact, string Token)>> SeedDirectoryAsync(Organisation kas, Event talk, DateTime now, CancellationToken ct)
    {
        var eeas = await db.Organisations.SingleAsync(o => o.Acronym == "EEAS", ct);
        var nato = await db.Organisations.SingleAsync(o => o.Acronym == "NATO", ct);
        var commission = await db.Organisations.SingleAsync(o => o.Name == "European Commission", ct);
        (string Name, string Email, Organisation? Org, string? OrgName, Sector Sector, string Position, string Country, string[] Tags)[] experts =
        [
            ("Amira Haddad", "amira.haddad@eeas.demo", eeas, null, Sector.EuInstitution, "Policy Officer, Central Asia Division", "France", ["central-asia", "security"]),
            ("Tomas Lindqvist", "tomas.lindqvist@eeas.demo", eeas, null, Sector.EuInstitution, "Deputy Head of Division", "Sweden", ["central-asia"]),
            ("Marta Kowalczyk", "marta.kowalczyk@nato.demo", nato, null, Sector.Nato, "Political Affairs Officer", "Poland", ["security", "russia"]),
            ("Giorgio Bellini", "giorgio.bellini@ec.demo", commission, null, Sector.EuInstitution, "Desk Officer, DG INTPA", "Italy", ["development"]),
            ("Dr. Elena Petrova", "elena.petrova@institute.demo", null, "Institute for Eurasian Studies", Sector.Academia, "Senior Research Fellow", "Bulgaria", ["china", "central-asia"]),
            ("Jonas Weber", "jonas.weber@thinktank.demo", null, "Centre for European Security", Sector.ThinkTank, "Director", "Germany", ["security"]),
            ("Aigerim Nurlanovna", "aigerim@university.demo", null, "University of Ghent", Sector.Academia, "Lecturer in Central Asian Politics", "Kazakhstan", ["central-asia"]),
            ("Sophie Laurent", "sophie.laurent@thinktank.demo", null, "European Policy Forum", Sector.ThinkTank, "Programme Director, Eastern Neighbourhood", "Belgium", ["china"]),
            ("Henrik Olsen", "henrik.olsen@mfa.demo", null, "Ministry of Foreign Affairs of Denmark", Sector.NationalGovernment, "Special Envoy", "Denmark", ["central-asia"]),
            ("Lucía Moreno", "lucia.moreno@press.demo", null, "Europa Press", Sector.Media, "Foreign Affairs Correspondent", "Spain", ["media"]),
            ("Karl Brandt", "karl.brandt@parliament.demo", null, "European Parliament", Sector.Parliament, "Adviser, AFET Committee", "Austria", ["security"]),
            ("Nadia Rahimova", "nadia.rahimova@ngo.demo", null, "Open Society Central Asia", Sector.CivilSociety, "Programme Manager", "Uzbekistan", ["civil-society"]),
            ("Viktor Hales", "viktor.hales@osce.demo", null, "OSCE Programme Office in Dushanbe", Sector.InternationalOrganisation, "Political Officer", "Czechia", ["security", "central-asia"]),
        ];
        var contacts = experts.Select(x => new Contact
        {
            Id = Guid.CreateVersion7(), DirectoryOrganisationId = kas.Id, Name = x.Name, Email = x.Email, NormalizedEmail = Contact.Normalize(x.Email),
            OrganisationId = x.Org?.Id, OrganisationName = x.OrgName, Sector = x.Sector, Position = x.Position, Country = x.Country, Tags = [.. x.Tags],
            DoNotContact = x.Name == "Lucía Moreno", DoNotContactSinceUtc = x.Name == "Lucía Moreno" ? now : null, CreatedAtUtc = now, UpdatedAtUtc = now,
        }).ToList();
        db.Contacts.AddRange(contacts);
        talk.Organisation = kas;
        string[] accepting = ["Amira Haddad", "Marta Kowalczyk", "Dr. Elena Petrova", "Jonas Weber", "Aigerim Nurlanovna", "Sophie Laurent"];
        var links = new List<(Contact Contact, string Token)>();
        foreach (var contact in contacts.Take(8))
        {
            var invitation = new Invitation
            {
                Id = Guid.CreateVersion7(), EventId = talk.Id, ContactId = contact.Id, Status = InvitationStatus.Sent,
                Subject = Invitations.InvitationText.DefaultSubject, Message = Invitations.InvitationText.DefaultMessage,
                CreatedAtUtc = now, SentAtUtc = now, ExpiresAtUtc = talk.StartsAtUtc, Language = contact.PreferredLanguage,
            };
            invitation.History.Add(new InvitationHistoryEntry { AtUtc = now, Action = "sent", ActorName = "organiser@eventhub.demo" });
            db.Invitations.Add(invitation);
            await invitationMailer.QueueAsync(db, invitation, contact, talk, $"invitation:{invitation.Id}:initial");
            if (accepting.Contains(contact.Name))
            {
                // The emailed link's token is not kept (only its hash): the demo answers through a second link of the invitation.
                var (token, hash) = PersonalToken.Create();
                db.InvitationLinks.Add(new InvitationLink { Id = Guid.CreateVersion7(), InvitationId = invitation.Id, TokenHash = hash, CreatedAtUtc = now });
                links.Add((contact, token));
            }
        }

        await db.SaveChangesAsync(ct);
        return links;
    }

    private async Task<Organisation> FindOrAdd(Organisation organisation, CancellationToken ct)
    {
        var existing = await db.Organisations.SingleOrDefaultAsync(o => o.Name == organisation.Name, ct);
        if (existing is not null)
        {
            return existing;
        }

        db.Organisations.Add(organisation);
        return organisation;
    }
}
