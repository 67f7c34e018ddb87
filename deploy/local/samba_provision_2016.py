#!/usr/bin/python3
"""Run `samba-tool domain provision` with the Windows Server 2016 AD schema.

Samba 4.17's --base-schema stops at 2012_R2 (objectVersion 69), which lacks
msDS-KeyCredentialLink. The 2016 schema files (objectVersion 87) ship with samba
(samba-ad-provision), so register them as base schema "2016" and select it.

usage: /usr/bin/python3 samba_provision_2016.py <samba-tool domain provision options>
"""
import sys

from samba.netcmd import domain
from samba.netcmd.main import cmd_sambatool
from samba.schema import Schema

BASE_SCHEMA = "2016"

Schema.base_schemas[BASE_SCHEMA] = (
    "AD_DS_Attributes__Windows_Server_2016.ldf",
    "AD_DS_Classes__Windows_Server_2016.ldf",
    87,
)

# Let the command-line option accept the new name, and make it the default.
for option in domain.cmd_domain_provision.takes_options:
    if option.dest == "base_schema":
        option.choices = list(option.choices) + [BASE_SCHEMA]
        option.default = BASE_SCHEMA

args = [a for a in sys.argv[1:] if not a.startswith("--base-schema")]
sys.exit(cmd_sambatool()._run("samba-tool", "domain", "provision", *args,
                              "--base-schema=" + BASE_SCHEMA))
