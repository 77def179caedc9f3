using System.Reflection;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Jobs;
using EventHub.Core.Localization;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EventHub.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Data, authorization, use cases, email and jobs: everything that is not a screen.</summary>
    public static IHostApplicationBuilder AddEventHubCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<AppOptions>(AppOptions.SectionName);
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<AppOptions>, AppOptionsValidator>();
        services.AddOptions<SingleSignOnOptions>().BindConfiguration(SingleSignOnOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        builder.AddEventHubData();
        builder.AddEventHubEmail();
        builder.AddEventHubJobs();

        services.AddScoped<ViewerTimeZone>();
        services.AddEventHubLanguages();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AuditChainVerifier>();
        services.AddValidatedOptions<Privacy.RetentionOptions>(Privacy.RetentionOptions.SectionName);
        services.AddSingleton<Privacy.RetentionPolicy>();
        services.AddSingleton<LinkBuilder>();
        services.AddScoped<IAuthorizationHandler, EventAuthorizationHandler>();
        services.AddScoped<DirectoryAccess>();
        services.AddSingleton<Features.Invitations.UnsubscribeLinks>();
        services.AddSingleton<Features.Invitations.InvitationMailer>();
        services.AddSingleton<Registrations.AttendeeLinks>();
        services.AddSingleton<Registrations.SecurityData>();
        services.AddSingleton<Registrations.VettingMailer>();
        services.AddSingleton<Registrations.EventCapacity>();
        services.AddSingleton<Registrations.AccessPasses>();
        services.AddSingleton<Registrations.RegistrationMailer>();
        services.AddValidatedOptions<Features.Access.DocumentOptions>(Features.Access.DocumentOptions.SectionName);
        services.AddSingleton<Features.Access.DocumentStore>();
        services.TryAddSingleton<Features.Reports.IOpenFindingsSource, Features.Reports.CheckerOpenFindingsSource>();
        services.AddSingleton<Features.Reports.ReportCirculationMailer>();
        services.AddSingleton<IOutboundEmailFailureHandler, Features.Invitations.InvitationBounceHandler>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddValidatedOptions<Door.DoorOptions>(Door.DoorOptions.SectionName);
        services.AddSingleton<Door.DoorWindow>();
        services.AddSingleton<Door.DoorSessionTokens>();
        services.AddValidatedOptions<Features.Reports.ReportOptions>(Features.Reports.ReportOptions.SectionName);

        // One use case per file under Features/: each is a class with an ExecuteAsync method, resolved per scope.
        foreach (var type in typeof(CoreServiceCollectionExtensions).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true }
                                 && t.Namespace?.StartsWith("EventHub.Core.Features", StringComparison.Ordinal) == true
                                 && t.GetMethod("ExecuteAsync", BindingFlags.Public | BindingFlags.Instance) is not null))
        {
            services.TryAddScoped(type);
        }

        return builder;
    }

    public static IHostApplicationBuilder AddEventHubData(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.SectionName);
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = database.ResolveConnectionString(builder.Environment.ContentRootPath);

        services.AddSingleton<OutboxSaveChangesInterceptor>();
        services.AddDbContextFactory<EventHubDbContext>((sp, options) => options
            .UseEventHubProvider(database.Provider, connectionString)
            .AddInterceptors(sp.GetRequiredService<OutboxSaveChangesInterceptor>()));
        services.AddSingleton<DatabaseInitializer>();
        return builder;
    }

    public static IHostApplicationBuilder AddEventHubEmail(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<EmailOptions>(EmailOptions.SectionName);
        services.AddValidatedOptions<SmtpOptions>(SmtpOptions.SectionName);
        services.AddSingleton<EmailOutbox>();
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<MimeMessageFactory>();
        services.AddSingleton<MailKitSmtpTransport>();
        services.AddSingleton<PickupDirectoryTransport>();
        services.TryAddSingleton<IEmailTransport>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Transport switch
        {
            EmailTransportKind.Smtp => sp.GetRequiredService<MailKitSmtpTransport>(),
            _ => sp.GetRequiredService<PickupDirectoryTransport>(),
        });
        services.TryAddSingleton<IOutboxDispatchTrigger, HangfireOutboxDispatchTrigger>();
        services.AddScoped<OutboxIdentityEmailSender>();
        services.AddScoped<Microsoft.AspNetCore.Identity.IEmailSender<ApplicationUser>>(sp => sp.GetRequiredService<OutboxIdentityEmailSender>());
        return builder;
    }

    public static IHostApplicationBuilder AddEventHubJobs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<JobsOptions>(JobsOptions.SectionName);
        var jobs = builder.Configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();

        // This app's own Hangfire storage and job activator, registered before AddHangfire (which only adds its own when none
        // is there). Hangfire's defaults are the process-wide JobStorage.Current and JobActivator.Current, which the next host
        // built in the same process replaces: with several hosts in one process (the tests) a host would otherwise register its
        // recurring jobs in, and run its jobs with the services of, another host, whose database may be gone.
        // The storage follows the provider; with SQLite it is in memory: every durable intention is a row in our own database.
        services.AddSingleton<JobStorage>(sp =>
        {
            sp.GetRequiredService<IGlobalConfiguration>(); // the serializer settings first, as Hangfire's own registrations do
            return database.Provider switch
            {
                DatabaseProvider.SqlServer => new Hangfire.SqlServer.SqlServerStorage(database.ConnectionString),
                DatabaseProvider.PostgreSql => new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(database.ConnectionString, new PostgreSqlStorageOptions()), new PostgreSqlStorageOptions()),
                _ => new Hangfire.InMemory.InMemoryStorage(),
            };
        });
        services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        // Hangfire's log provider is process-wide too: this one outlives a stopped host (see HangfireLogProvider).
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>())));

        if (jobs.RunServer)
        {
            services.AddHangfireServer(o => o.WorkerCount = jobs.WorkerCount);
        }

        services.AddTransient<DispatchOutbox>();
        services.AddTransient<QueueDueReminders>();
        services.AddTransient<ExpireWaitlistOffers>();
        services.AddTransient<SealAuditLog>();
        services.AddTransient<ApplyRetention>();
        services.AddHostedService<RecurringJobs>();
        return builder;
    }
}
