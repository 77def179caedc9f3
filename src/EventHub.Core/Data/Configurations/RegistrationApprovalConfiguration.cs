using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

internal sealed class RegistrationApprovalConfiguration : IEntityTypeConfiguration<RegistrationApproval>
{
    public void Configure(EntityTypeBuilder<RegistrationApproval> b)
    {
        b.Property(a => a.Group).HasMaxLength(100);
        b.Property(a => a.DecidedByUserId).HasMaxLength(450);
        b.Property(a => a.DecidedByName).HasMaxLength(300);
        b.Property(a => a.InternalReason).HasMaxLength(2000);
        b.Property(a => a.MessageToPerson).HasMaxLength(4000);
        b.Property(a => a.OverrideReason).HasMaxLength(2000);
        b.HasIndex(a => new { a.RegistrationId, a.Group, a.Superseded });
    }
}
