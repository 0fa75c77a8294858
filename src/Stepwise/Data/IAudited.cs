namespace Stepwise.Data;

/// <summary>
/// A record whose every write goes into the audit log (see <c>AuditTrail</c>), for features that keep their
/// entities in their own folder: marking the entity is enough, no central list to edit.
/// </summary>
public interface IAudited;
