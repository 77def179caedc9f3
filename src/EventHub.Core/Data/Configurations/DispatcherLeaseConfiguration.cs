using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

internal sealed class DispatcherLeaseConfiguration : IEntityTypeConfiguration<DispatcherLease>
{
    public void Configure(EntityTypeBuilder<DispatcherLease> b)
    {
        b.HasKey(l => l.Name);
        b.Property(l => l.Name).HasMaxLength(50);
        b.Property(l => l.Holder).HasMaxLength(64);
        b.HasData(new DispatcherLease { Name = DispatcherLease.Relay });
    }
}
