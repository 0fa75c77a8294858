namespace Stepwise.Data;

/// <summary>
/// A record whose writes are audited without their content: the log says that it changed, who changed it and when,
/// never what it says (coaching between a teacher and their coach).
/// </summary>
public interface IAuditedPrivately : IAudited;
