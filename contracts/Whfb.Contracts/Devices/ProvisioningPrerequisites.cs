namespace Whfb.Contracts.Devices;

/// <summary>
/// The prerequisite answers of events 358/360/361/362. Null = the record did not report it
/// (older builds have no post-logon line; cloud-trust lines exist only on newer builds; the
/// MDM and enrollment-authority lines only in 361/362).
/// </summary>
public sealed record ProvisioningPrerequisites(
    PrerequisiteState? DeviceIsJoined,
    PrerequisiteState? AadPrt,
    PrerequisiteState? NgcPolicyEnabled,
    PrerequisiteState? PostLogonProvisioningEnabled,
    PrerequisiteState? HardwarePolicyMet,
    PrerequisiteState? UserIsNotRemote,
    PrerequisiteState? LogonCertRequired,
    PrerequisiteState? CloudTrustEnabled,
    PrerequisiteState? HasCloudTgt,
    PrerequisiteState? MdmCertEnrollmentReady,
    PrerequisiteState? AdfsRaReady,
    PrerequisiteState? RaTemplateReady,
    PrerequisiteState? AdfsPrtPresent);
