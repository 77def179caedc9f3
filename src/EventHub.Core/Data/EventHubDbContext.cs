using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Data;

public class EventHubDbContext(DbContextOptions<EventHubDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<EventTeamMember> EventTeamMembers => Set<EventTeamMember>();
    public DbSet<OrganisationRoleGrant> OrganisationRoleGrants => Set<OrganisationRoleGrant>();
    public DbSet<OutboundEmail> OutboundEmails => Set<OutboundEmail>();
    public DbSet<OutboundEmailAttachment> OutboundEmailAttachments => Set<OutboundEmailAttachment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DispatcherLease> DispatcherLeases => Set<DispatcherLease>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<InvitationHistoryEntry> InvitationHistory => Set<InvitationHistoryEntry>();
    public DbSet<InvitationLink> InvitationLinks => Set<InvitationLink>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<RegistrationQuestion> RegistrationQuestions => Set<RegistrationQuestion>();
    public DbSet<RegistrationAnswer> RegistrationAnswers => Set<RegistrationAnswer>();
    public DbSet<RegistrationApproval> RegistrationApprovals => Set<RegistrationApproval>();
    public DbSet<RegistrationLink> RegistrationLinks => Set<RegistrationLink>();
    public DbSet<ReminderRule> ReminderRules => Set<ReminderRule>();
    public DbSet<AccessPass> AccessPasses => Set<AccessPass>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<DoorSession> DoorSessions => Set<DoorSession>();
    public DbSet<DoorConflict> DoorConflicts => Set<DoorConflict>();
    public DbSet<AgendaCheckIn> AgendaCheckIns => Set<AgendaCheckIn>();
    public DbSet<EventDocument> EventDocuments => Set<EventDocument>();
    public DbSet<OnRecordConsent> OnRecordConsents => Set<OnRecordConsent>();
    public DbSet<ReportNote> ReportNotes => Set<ReportNote>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<ReportVersion> ReportVersions => Set<ReportVersion>();
    public DbSet<ReportReview> ReportReviews => Set<ReportReview>();
    public DbSet<ReportComment> ReportComments => Set<ReportComment>();
    public DbSet<AttributionDismissal> AttributionDismissals => Set<AttributionDismissal>();
    public DbSet<ReportCirculation> ReportCirculations => Set<ReportCirculation>();
    public DbSet<CirculationRecipient> CirculationRecipients => Set<CirculationRecipient>();
    public DbSet<SuppressedAddress> SuppressedAddresses => Set<SuppressedAddress>();
    public DbSet<SavedText> SavedTexts => Set<SavedText>();
    public DbSet<RegistrationTag> RegistrationTags => Set<RegistrationTag>();
    public DbSet<RegistrationTagAssignment> RegistrationTagAssignments => Set<RegistrationTagAssignment>();

    /// <summary>Data Protection keys live in the database so that cookies and links survive restarts and work on every node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(EventHubDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and safe when members are added.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    /// <summary>
    /// Identity builds its tables from IdentityOptions found in the app's services. Contexts made outside the app
    /// (the dotnet-ef design-time factories, tests) get the same settings from here, so every place builds one model.
    /// </summary>
    public static DbContextOptions<EventHubDbContext> CreateOptions(DatabaseProvider provider, string connectionString)
        => new DbContextOptionsBuilder<EventHubDbContext>()
            .UseEventHubProvider(provider, connectionString)
            .UseApplicationServiceProvider(IdentityStoreServices.Value)
            .Options;

    private static readonly Lazy<IServiceProvider> IdentityStoreServices = new(() => new ServiceCollection()
        .Configure<IdentityOptions>(o => ConfigureStores(o.Stores))
        .BuildServiceProvider());

    /// <summary>Identity's store settings, shared by the web host and <see cref="CreateOptions"/>.</summary>
    public static void ConfigureStores(StoreOptions stores) => stores.SchemaVersion = IdentitySchemaVersions.Version3;
}
