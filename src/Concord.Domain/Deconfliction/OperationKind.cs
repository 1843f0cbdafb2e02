namespace Concord.Domain.Deconfliction;

/// <summary>What a planned operation is. Never disclosed to another party unless its owner chooses to.</summary>
public enum OperationKind
{
    /// <summary>An air strike.</summary>
    AirStrike,

    /// <summary>An unmanned aerial patrol.</summary>
    DronePatrol,

    /// <summary>A manned patrol (air, ground or sea).</summary>
    MannedPatrol,

    /// <summary>A raid on the ground.</summary>
    GroundRaid,

    /// <summary>Surveillance of a place, route or person.</summary>
    Surveillance,

    /// <summary>A convoy along a route.</summary>
    Convoy,

    /// <summary>An operation at or across a border.</summary>
    BorderOperation,

    /// <summary>A delivery of humanitarian aid.</summary>
    HumanitarianDelivery,

    /// <summary>Anything else.</summary>
    Other,
}
