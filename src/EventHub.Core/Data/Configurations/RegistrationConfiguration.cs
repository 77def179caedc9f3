using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> b)
    {
        b.Property(r => r.Name).HasMaxLength(300);
        b.Property(r => r.Email).HasMaxLength(320);
        b.Property(r => r.NormalizedEmail).HasMaxLength(320);
        b.Property(r => r.OrganisationName).HasMaxLength(300);
        b.Property(r => r.Position).HasMaxLength(300);
        b.Property(r => r.Country).HasMaxLength(100);
        b.Property(r => r.NominationReason).HasMaxLength(2000);
        b.Property(r => r.Language).HasMaxLength(8).HasDefaultValue(Localization.Languages.Default);
        b.HasIndex(r => new { r.EventId, r.Status });
        b.HasIndex(r => new { r.EventId, r.NormalizedEmail });
        b.HasIndex(r => r.InvitationId);
        b.HasOne(r => r.Event).WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        // Invitations are also deleted with their event: a second cascading path would be refused by SQL Server.
        b.HasOne<Invitation>().WithMany().HasForeignKey(r => r.InvitationId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<Invitation>().WithMany().HasForeignKey(r => r.NominatedByInvitationId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Phone).HasMaxLength(50);
        b.Property(r => r.DietaryNeeds).HasMaxLength(1000);
        b.Property(r => r.AccessibilityNeeds).HasMaxLength(1000);
        b.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Approvals).WithOne().HasForeignKey(a => a.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Links).WithOne().HasForeignKey(l => l.RegistrationId).OnDelete(DeleteBehavior.Cascade);
    }
}
