using EventHub.Core.Data;
using EventHub.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Data;

/// <summary>Core's tests run with the password and lockout policy the web host uses (AddEventHubIdentity), not Identity's defaults.</summary>
public sealed class IdentityPolicyTests
{
    [Fact]
    public async Task Accounts_need_twelve_characters_without_composition_rules_and_lock_after_five_failures()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = CoreTestHost.Create(database);
        var users = host.Scoped.GetRequiredService<UserManager<ApplicationUser>>();

        var tooShort = await users.CreateAsync(new ApplicationUser { UserName = "ada@think.example", Email = "ada@think.example" }, "Short1!pass");
        var ada = new ApplicationUser { UserName = "ada@think.example", Email = "ada@think.example" };
        var lowercaseOnly = await users.CreateAsync(ada, "correct horse battery");
        for (var i = 0; i < 5; i++)
        {
            await users.AccessFailedAsync(ada);
        }

        Assert.Contains(tooShort.Errors, e => e.Code == nameof(IdentityErrorDescriber.PasswordTooShort));
        Assert.True(lowercaseOnly.Succeeded, string.Join(" ", lowercaseOnly.Errors.Select(e => e.Description)));
        Assert.True(await users.IsLockedOutAsync(ada));
        Assert.True(users.Options.SignIn.RequireConfirmedAccount);
    }
}
