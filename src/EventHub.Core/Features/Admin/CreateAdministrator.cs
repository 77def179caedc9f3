using System.Security.Cryptography;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Identity;

namespace EventHub.Core.Features.Admin;

public sealed record CreatedAccount(string Email, string? Password, bool Existed);

/// <summary>The `create-admin EMAIL` command: makes an administrator, creating the account with a generated password if needed.</summary>
public sealed class CreateAdministrator(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    public async Task<Outcome<CreatedAccount>> ExecuteAsync(string email, CancellationToken ct = default)
    {
        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            return Outcome<CreatedAccount>.Invalid("email", $"'{email}' is not an email address.");
        }

        await EnsureRolesAsync(roles);
        var user = await users.FindByEmailAsync(email);
        string? password = null;
        if (user is null)
        {
            password = GeneratePassword();
            user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return Outcome<CreatedAccount>.Invalid("email", string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        }

        if (!await users.IsInRoleAsync(user, Roles.Administrator))
        {
            await users.AddToRoleAsync(user, Roles.Administrator);
        }

        return Outcome<CreatedAccount>.Success(new CreatedAccount(email, password, password is null));
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        if (!await roles.RoleExistsAsync(Roles.Administrator))
        {
            await roles.CreateAsync(new IdentityRole(Roles.Administrator));
        }
    }

    /// <summary>20 characters from an alphabet without look-alikes: long enough, and easy to type from a console.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }
}
