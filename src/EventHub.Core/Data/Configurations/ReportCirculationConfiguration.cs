using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

internal sealed class ReportCirculationConfiguration : IEntityTypeConfiguration<ReportCirculation>
{
    public void Configure(EntityTypeBuilder<ReportCirculation> b)
    {
        b.Property(c => c.ByName).HasMaxLength(256);
        b.PrimitiveCollection(c => c.Audiences);
        b.PrimitiveCollection(c => c.AgendaItemIds);
        b.HasIndex(c => c.ReportId);
        b.HasOne<Report>().WithMany().HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Recipients).WithOne().HasForeignKey(r => r.CirculationId).OnDelete(DeleteBehavior.Cascade);
    }
}
