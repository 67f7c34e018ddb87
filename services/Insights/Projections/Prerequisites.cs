using Whfb.Contracts.Devices;

namespace Whfb.Insights.Projections;

/// <summary>The failing prerequisite lines of a 360 event, in the words the device's message uses.</summary>
public static class Prerequisites
{
    public static IEnumerable<string> Failing(ProvisioningPrerequisites p)
    {
        (PrerequisiteState? State, string Line)[] required =
        [
            (p.DeviceIsJoined, "Device is AAD joined ( AADJ or DJ++ )"),
            (p.AadPrt, "User has logged on with AAD credentials"),
            (p.NgcPolicyEnabled, "Windows Hello for Business policy is enabled"),
            (p.PostLogonProvisioningEnabled, "Windows Hello for Business post-logon provisioning is enabled"),
            (p.HardwarePolicyMet, "Local computer meets Windows hello for business hardware requirements"),
            (p.UserIsNotRemote, "User is not connected to the machine via Remote Desktop"),
            (p.MdmCertEnrollmentReady, "MDM certificate enrollment is ready"),
            (p.AdfsRaReady, "AD FS registration authority is ready"),
            (p.RaTemplateReady, "Registration authority template is ready"),
            (p.AdfsPrtPresent, "User has an AD FS PRT"),
        ];
        return required.Where(r => r.State == PrerequisiteState.No).Select(r => r.Line);
    }
}
