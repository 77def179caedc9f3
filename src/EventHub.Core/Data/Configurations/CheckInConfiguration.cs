using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> b)
    {
        b.Property(c => c.Name).HasMaxLength(300);
        b.Property(c => c.OrganisationName).HasMaxLength(300);
        b.Property(c => c.ByName).HasMaxLength(256);
        b.Property(c => c.Device).HasMaxLength(100);
        b.Property(c => c.Reason).HasMaxLength(1000);
        // One admission per registration, whatever the number of doors: the database decides the race.
        b.HasIndex(c => c.RegistrationId).IsUnique();
        b.HasIndex(c => new { c.EventId, c.AtUtc });
        // A device sends its queue again after a lost answer: its own id makes the second send change nothing.
        b.HasIndex(c => c.ClientId).IsUnique();
        b.HasOne<Event>().WithMany().HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
