using System.Reflection;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Jobs;
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
        services.AddOptions<AppOptions>().BindConfiguration(AppOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<AppOptions>, AppOptionsValidator>();
        services.AddOptions<SingleSignOnOptions>().BindConfiguration(SingleSignOnOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        builder.AddEventHubData();
        builder.AddEventHubEmail();
        builder.AddEventHubJobs();

        services.AddSingleton<AuditLog>();
        services.AddSingleton<AuditChainVerifier>();
        services.AddOptions<Privacy.RetentionOptions>().BindConfiguration(Privacy.RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Privacy.RetentionPolicy>();
        services.AddSingleton<LinkBuilder>();
        services.AddScoped<IAuthorizationHandler, EventAuthorizationHandler>();
        services.AddScoped<DirectoryAccess>();
        services.AddSingleton<Features.Invitations.UnsubscribeLinks>();
        services.AddSingleton<Features.Invitations.InvitationMailer>();
        services.AddSingleton<Features.Registrations.AttendeeLinks>();
        services.AddSingleton<Features.Registrations.SecurityData>();
        services.AddSingleton<Features.Vetting.VettingMailer>();
        services.AddSingleton<Features.Vetting.WaitlistPlaces>();
        services.AddSingleton<Features.Passes.AccessPasses>();
        services.AddSingleton<Features.Registrations.RegistrationMailer>();
        services.AddOptions<Features.Access.DocumentOptions>().BindConfiguration(Features.Access.DocumentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Features.Access.DocumentStore>();
        services.TryAddSingleton<Features.Reports.IOpenFindingsSource, Features.Reports.CheckerOpenFindingsSource>();
        services.AddSingleton<Features.Reports.ReportCirculationMailer>();
        services.AddSingleton<IOutboundEmailFailureHandler, Features.Invitations.InvitationBounceHandler>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddOptions<Features.Reports.ReportOptions>().BindConfiguration(Features.Reports.ReportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

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
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
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
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
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
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var jobs = builder.Configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();

        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            // Hangfire's storage follows the provider; with SQLite it is in memory: every durable intention is a row in our own database.
            switch (database.Provider)
            {
                case DatabaseProvider.SqlServer:
                    config.UseSqlServerStorage(database.ConnectionString);
                    break;
                case DatabaseProvider.PostgreSql:
                    config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.ConnectionString));
                    break;
                default:
                    config.UseInMemoryStorage();
                    break;
            }
        });

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
