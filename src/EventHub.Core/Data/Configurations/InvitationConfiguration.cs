using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.HasIndex(i => new { i.EventId, i.ContactId }).IsUnique();
        b.HasIndex(i => new { i.EventId, i.Status });
        b.Property(i => i.Subject).HasMaxLength(500);
        b.Property(i => i.DeclineReason).HasMaxLength(2000);
        b.Property(i => i.Language).HasMaxLength(8).HasDefaultValue(Localization.Languages.Default);
        b.HasOne(i => i.Event).WithMany().HasForeignKey(i => i.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(i => i.Contact).WithMany().HasForeignKey(i => i.ContactId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.History).WithOne().HasForeignKey(h => h.InvitationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Links).WithOne().HasForeignKey(l => l.InvitationId).OnDelete(DeleteBehavior.Cascade);
    }
}
