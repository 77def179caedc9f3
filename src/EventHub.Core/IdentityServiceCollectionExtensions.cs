using EventHub.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Identity on EventHub's database with EventHub's security settings: one registration for the web host (which adds the
    /// sign-in manager and cookies) and for Core's tests, so both run with the same password and lockout policy.
    /// </summary>
    public static IdentityBuilder AddEventHubIdentity(this IServiceCollection services) => services
        .AddIdentityCore<ApplicationUser>(options =>
        {
            options.SignIn.RequireConfirmedAccount = true;
            EventHubDbContext.ConfigureStores(options.Stores);
            // EventHub: length over composition (NIST SP 800-63B): at least 12 characters, no character-class rules.
            options.Password.RequiredLength = 12;
            options.Password.RequireDigit = false;
            options.Password.RequireLowercase = false;
            options.Password.RequireUppercase = false;
            options.Password.RequireNonAlphanumeric = false;
            options.Password.RequiredUniqueChars = 1;
            // EventHub: lockout is on, counted per account *and client address* by the web host's EventHubSignInManager (so
            // nobody can lock the owner out from elsewhere); two-factor code failures still count against the account.
            options.Lockout.AllowedForNewUsers = true;
            options.Lockout.MaxFailedAccessAttempts = 5;
            options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            options.User.RequireUniqueEmail = true;
        })
        .AddRoles<IdentityRole>()
        .AddEntityFrameworkStores<EventHubDbContext>()
        .AddDefaultTokenProviders();
}
