/* Made by build-aux/profile-strings.py from data/profiles/*.json: the
 * translatable strings of the phone profiles, for xgettext. Not compiled.
 * Do not edit; run the script again after changing a profile. */

static const char *profile_strings[] = {
  /* Translators: phone profile fanvil: profile description. */
  N_("Fanvil desk phones that read the <<VOIP CONFIG FILE>> text format or Fanvil XML (<sysConf>, older <VOIP_CONFIG_FILE>); the PLANET VIP phones run the same firmware."),
  /* Translators: phone profile fanvil: page title; grandstream-alias: group title; grandstream-gxp: group title; and 5 more. */
  N_("NAT Traversal"),
  /* Translators: phone profile fanvil: group title; grandstream-alias: line.{n}.stun.enable: choice; grandstream-gxp: line.{n}.stun.enable: choice; and 6 more. */
  N_("STUN"),
  /* Translators: phone profile fanvil: group description; planet-vip: group description. */
  N_("Common STUN settings, used by every line that has “Use STUN” on."),
  /* Translators: phone profile fanvil: nat.stun.server: title; fanvil: provisioning.server.url: title; planet-vip: nat.stun.server: title; and 2 more. */
  N_("Server Address"),
  /* Translators: phone profile fanvil: nat.stun.server: help; planet-vip: nat.stun.server: help. */
  N_("The domain name or IP address of the STUN server. STUN cannot traverse a symmetric NAT; PLANET ships with STUN off, as some NATs refuse two bindings to phones on one LAN."),
  /* Translators: phone profile fanvil: nat.stun.port: title; planet-vip: nat.stun.port: title. */
  N_("Server Port"),
  /* Translators: phone profile fanvil: nat.stun.port: help; planet-vip: nat.stun.port: help; yealink-legacy: nat.stun.port: help; and 1 more. */
  N_("The STUN server's port."),
  /* Translators: phone profile fanvil: nat.stun.refresh: title; planet-vip: nat.stun.refresh: title. */
  N_("Binding Period"),
  /* Translators: phone profile fanvil: nat.stun.refresh: help; planet-vip: nat.stun.refresh: help. */
  N_("How often, in seconds, the phone sends a STUN request to keep its binding."),
  /* Translators: phone profile fanvil: nat.stun.refresh: note (an unconfirmed fact); planet-vip: nat.stun.refresh: note (an unconfirmed fact). */
  N_("Its web label and the range 1–86400 s are not confirmed [U]; the key “STUN Refresh Time” and the default 50 s are in PLANET's guide."),
  /* Translators: phone profile fanvil: nat.stun.wait: title; planet-vip: nat.stun.wait: title. */
  N_("SIP Waiting Time"),
  /* Translators: phone profile fanvil: nat.stun.wait: help; planet-vip: nat.stun.wait: help. */
  N_("How long, in milliseconds, the phone waits for the STUN answer before it sends a SIP request."),
  /* Translators: phone profile fanvil: nat.stun.wait: note (an unconfirmed fact); planet-vip: nat.stun.wait: note (an unconfirmed fact). */
  N_("Its web label and the range 0–60000 ms are not confirmed [U]; the key “SIP Wait Stun Time” and the default 800 ms are in PLANET's guide."),
  /* Translators: phone profile fanvil: group title; planet-vip: group title; poly-uc: group title. */
  N_("Lines"),
  /* Translators: phone profile fanvil: line.{n}.stun.enable: title; planet-vip: line.{n}.stun.enable: title. Keep “{n}”: it is the line (account) number. */
  N_("Line {n}: Use STUN"),
  /* Translators: phone profile fanvil: line.{n}.stun.enable: help; planet-vip: line.{n}.stun.enable: help. Keep “{n}”: it is the line (account) number. */
  N_("Use STUN as line {n}'s NAT traversal method (choose the line on the page)."),
  /* Translators: phone profile fanvil: line.{n}.rport: title; planet-vip: line.{n}.rport: title. Keep “{n}”: it is the line (account) number. */
  N_("Line {n}: Enable Rport"),
  /* Translators: phone profile fanvil: line.{n}.rport: help; planet-vip: line.{n}.rport: help. */
  N_("Ask the SIP server to answer to the address and port the request came from (RFC 3581, symmetric response); choose the line on the page."),
  /* Translators: phone profile fanvil: nat.keepalive.interval: title; planet-vip: nat.keepalive.interval: title. */
  N_("Keep-Alive Interval"),
  /* Translators: phone profile fanvil: nat.keepalive.interval: help; planet-vip: nat.keepalive.interval: help. */
  N_("Seconds between the UDP keep-alives each line sends to keep its NAT binding; written for every line."),
  /* Translators: phone profile fanvil: nat.keepalive.interval: note (an unconfirmed fact). */
  N_("The key “SIPn UDPUpdate TTL” is from phone exports; its web label and the range 1–3600 s are not confirmed [U]. Current firmware ships 30 s (X3U, X7C exports); files of older firmware (2.0002) show 60 s."),
  /* Translators: phone profile fanvil: line.{n}.number: title; planet-vip: line.{n}.number: title. Keep “{n}”: it is the line (account) number. */
  N_("Line {n}: Phone Number"),
  /* Translators: phone profile fanvil: line.{n}.number: help; planet-vip: line.{n}.number: help. Keep “{n}”: it is the line (account) number. */
  N_("The SIP phone number (user) of line {n} (choose the line on the page)."),
  /* Translators: phone profile fanvil: page title; planet-vip: page title; poly-uc: page title; and 2 more. */
  N_("SIP"),
  /* Translators: phone profile fanvil: group title; fanvil: sip.port: title; planet-vip: group title; and 2 more. */
  N_("SIP Port"),
  /* Translators: phone profile fanvil: sip.port: help; planet-vip: sip.port: help. */
  N_("The local port the phone uses for SIP."),
  /* Translators: phone profile fanvil: page title; grandstream-alias: group title; grandstream-gxp: group title; and 4 more. */
  N_("VLAN and QoS"),
  /* Translators: phone profile fanvil: group title; planet-vip: group title; snom-c520: group title; and 4 more. */
  N_("VLAN"),
  /* Translators: phone profile fanvil: group description; planet-vip: group description. */
  N_("The guide's CoS table: 0 BK, 1 BE, 2 EE, 3 CA, 4 VI, 5 VO, 6 IC, 7 NC."),
  /* Translators: phone profile fanvil: vlan.enable: title; planet-vip: vlan.enable: title. */
  N_("Enable VLAN"),
  /* Translators: phone profile fanvil: vlan.enable: help; planet-vip: vlan.enable: help. */
  N_("Tag the phone's outgoing packets (ARP, DHCP, DNS, HTTP, SIP, RTP…) with a VLAN ID. Packets of the PC port pass unchanged."),
  /* Translators: phone profile fanvil: vlan.id: title; planet-vip: vlan.id: title; poly-uc: vlan.id: title; and 2 more. */
  N_("VLAN ID"),
  /* Translators: phone profile fanvil: vlan.id: help; planet-vip: vlan.id: help. */
  N_("The voice VLAN's ID."),
  /* Translators: phone profile fanvil: vlan.priority.sip: title; planet-vip: vlan.priority.sip: title. */
  N_("SIP CoS"),
  /* Translators: phone profile fanvil: vlan.priority.sip: help; planet-vip: vlan.priority.sip: help. */
  N_("The 802.1p class of service of SIP packets (0 background … 5 voice … 7 network control)."),
  /* Translators: phone profile fanvil: vlan.priority.rtp: title; planet-vip: vlan.priority.rtp: title. */
  N_("RTP CoS"),
  /* Translators: phone profile fanvil: vlan.priority.rtp: help; planet-vip: vlan.priority.rtp: help. */
  N_("The 802.1p class of service of voice (RTP) packets; 5 is voice (VO)."),
  /* Translators: phone profile fanvil: vlan.pc.mode: title; planet-vip: vlan.pc.mode: title. */
  N_("Enable PVID"),
  /* Translators: phone profile fanvil: vlan.pc.mode: help; planet-vip: vlan.pc.mode: help. */
  N_("Whether the PC port's traffic goes into its own VLAN, the PVID Value (colour-screen models only). FusionPBX writes 2 to give the PC port that VLAN, 0 otherwise; phones export 1."),
  /* Translators: phone profile fanvil: vlan.pc.mode: note (an unconfirmed fact); planet-vip: vlan.pc.mode: note (an unconfirmed fact). */
  N_("Not a plain switch: files hold 0, 1 or 2. 2 gives the PC port the PVID Value as its VLAN and 0 turns that off (FusionPBX's templates); 1 is what X3U and X7C phones export, and what it does is not documented [U]. Its web label is unconfirmed."),
  /* Translators: phone profile fanvil: vlan.pc.mode: choice; planet-vip: vlan.pc.mode: choice. */
  N_("Off (0)"),
  /* Translators: phone profile fanvil: vlan.pc.mode: choice; planet-vip: vlan.pc.mode: choice. */
  N_("As shipped (1)"),
  /* Translators: phone profile fanvil: vlan.pc.mode: choice; planet-vip: vlan.pc.mode: choice. */
  N_("On: the PC port uses the PVID (2)"),
  /* Translators: phone profile fanvil: vlan.pc.id: title; planet-vip: vlan.pc.id: title. */
  N_("PVID Value"),
  /* Translators: phone profile fanvil: vlan.pc.id: help; planet-vip: vlan.pc.id: help. */
  N_("The PC port's VLAN ID."),
  /* Translators: phone profile fanvil: group title; planet-vip: group title. */
  N_("DSCP"),
  /* Translators: phone profile fanvil: qos.dscp.enable: title; planet-vip: qos.dscp.enable: title. */
  N_("Enable DiffServ"),
  /* Translators: phone profile fanvil: qos.dscp.enable: help; planet-vip: qos.dscp.enable: help. */
  N_("Mark packets with DSCP values."),
  /* Translators: phone profile fanvil: qos.dscp.sip: title; planet-vip: qos.dscp.sip: title; snom: qos.dscp.sip: title. */
  N_("SIP DSCP"),
  /* Translators: phone profile fanvil: qos.dscp.sip: help; planet-vip: qos.dscp.sip: help. */
  N_("The DSCP value of SIP packets."),
  /* Translators: phone profile fanvil: qos.dscp.rtp: title; planet-vip: qos.dscp.rtp: title; snom-c520: qos.dscp.rtp: title. */
  N_("Voice DSCP"),
  /* Translators: phone profile fanvil: qos.dscp.rtp: help; planet-vip: qos.dscp.rtp: help. */
  N_("The DSCP value of voice (RTP) packets; 46 is Expedited Forwarding."),
  /* Translators: phone profile fanvil: group title; planet-vip: group title; poly-uc: lldp.enable: title; and 1 more. */
  N_("LLDP"),
  /* Translators: phone profile fanvil: lldp.enable: title; planet-vip: lldp.enable: title. */
  N_("Enable LLDP"),
  /* Translators: phone profile fanvil: lldp.enable: help; planet-vip: lldp.enable: help. */
  N_("Announce the phone with LLDP; an LLDP switch can hand it its VLAN."),
  /* Translators: phone profile fanvil: lldp.learn: title; planet-vip: lldp.learn: title. */
  N_("Enable Learning Function"),
  /* Translators: phone profile fanvil: lldp.learn: help; planet-vip: lldp.learn: help. */
  N_("Learn the voice VLAN from the switch's LLDP announcements."),
  /* Translators: phone profile fanvil: lldp.interval: title; planet-vip: lldp.interval: title. */
  N_("Packet Interval"),
  /* Translators: phone profile fanvil: lldp.interval: help; planet-vip: lldp.interval: help; yealink-legacy: lldp.interval: help; and 1 more. */
  N_("Seconds between LLDP announcements."),
  /* Translators: phone profile fanvil: lldp.interval: note (an unconfirmed fact); planet-vip: lldp.interval: note (an unconfirmed fact). */
  N_("Its web label and the range 1–3600 s are not confirmed [U]; the key “LLDP Refresh Time” and the default 60 are from phone exports."),
  /* Translators: phone profile fanvil: page title; planet-vip: page title; yealink-legacy: page title; and 1 more. */
  N_("Auto Provision"),
  /* Translators: phone profile fanvil: group title; planet-vip: group title. */
  N_("Plug and Play (PnP)"),
  /* Translators: phone profile fanvil: provisioning.pnp.enable: title; planet-vip: provisioning.pnp.enable: title. */
  N_("Enable PnP"),
  /* Translators: phone profile fanvil: provisioning.pnp.enable: help; planet-vip: provisioning.pnp.enable: help. */
  N_("At start-up, send a SIP SUBSCRIBE to the PnP server and fetch the URL its NOTIFY carries. PnP comes first, then DHCP options, then the static server."),
  /* Translators: phone profile fanvil: provisioning.pnp.server: title; planet-vip: provisioning.pnp.server: title. */
  N_("PnP Server"),
  /* Translators: phone profile fanvil: provisioning.pnp.server: help; planet-vip: provisioning.pnp.server: help. */
  N_("The PnP server address; 224.0.1.75 is the SIP multicast group every PnP server listens on."),
  /* Translators: phone profile fanvil: provisioning.pnp.port: title; planet-vip: provisioning.pnp.port: title. */
  N_("PnP Port"),
  /* Translators: phone profile fanvil: provisioning.pnp.port: help; planet-vip: provisioning.pnp.port: help. */
  N_("The PnP server's port."),
  /* Translators: phone profile fanvil: provisioning.pnp.transport: title; planet-vip: provisioning.pnp.transport: title. */
  N_("PnP Transport"),
  /* Translators: phone profile fanvil: provisioning.pnp.transport: help; planet-vip: provisioning.pnp.transport: help. */
  N_("The transport of the PnP SUBSCRIBE."),
  /* Translators: phone profile fanvil: provisioning.pnp.transport: note (an unconfirmed fact); planet-vip: provisioning.pnp.transport: note (an unconfirmed fact). */
  N_("The file's numbers for the PnP transport are not confirmed (exports show 0, the default, taken to be UDP); Phoneset does not write it. Set it on the phone if it must change."),
  /* Translators: phone profile fanvil: provisioning.pnp.transport: choice; konftel-300ip: line.1.transport: choice; planet-vip: provisioning.pnp.transport: choice. */
  N_("UDP"),
  /* Translators: phone profile fanvil: provisioning.pnp.transport: choice; konftel-300ip: line.1.transport: choice; planet-vip: provisioning.pnp.transport: choice. */
  N_("TCP"),
  /* Translators: phone profile fanvil: provisioning.pnp.interval: title; planet-vip: provisioning.pnp.interval: title. */
  N_("PnP Interval"),
  /* Translators: phone profile fanvil: provisioning.pnp.interval: help; planet-vip: provisioning.pnp.interval: help. */
  N_("The time between two PnP requests."),
  /* Translators: phone profile fanvil: provisioning.pnp.interval: note (an unconfirmed fact); planet-vip: provisioning.pnp.interval: note (an unconfirmed fact). */
  N_("The unit of the PnP interval is not stated in the guide, nor its range (1–1000 here) [U]; exports show 1."),
  /* Translators: phone profile fanvil: group title; fanvil: provisioning.dhcp_option: title; planet-vip: group title; and 1 more. */
  N_("DHCP Option"),
  /* Translators: phone profile fanvil: provisioning.dhcp_option: help; planet-vip: provisioning.dhcp_option: help. */
  N_("Which DHCP option carries the provisioning URL: 66, 43, a custom option (128 to 254), or none. The phone's WAN must use DHCP."),
  /* Translators: phone profile fanvil: provisioning.dhcp_option: note (an unconfirmed fact); planet-vip: provisioning.dhcp_option: note (an unconfirmed fact). */
  N_("Exports show 66; that the file takes 43, the custom option's number, and 0 for “disabled” is unconfirmed. A change takes effect after a restart or the next DHCP renewal."),
  /* Translators: phone profile fanvil: provisioning.dhcp_option: choice; planet-vip: provisioning.dhcp_option: choice; poly-uc: provisioning.dhcp_option: choice. */
  N_("Option 66"),
  /* Translators: phone profile fanvil: provisioning.dhcp_option: choice; planet-vip: provisioning.dhcp_option: choice. */
  N_("Option 43"),
  /* Translators: phone profile fanvil: provisioning.dhcp_option: choice; planet-vip: provisioning.dhcp_option: choice. */
  N_("Custom option"),
  /* Translators: phone profile fanvil: provisioning.dhcp_option: choice; planet-vip: provisioning.dhcp_option: choice; yealink-legacy: line.{n}.keepalive.type: choice; and 1 more. */
  N_("Disabled"),
  /* Translators: phone profile fanvil: provisioning.dhcp_option.custom: title; planet-vip: provisioning.dhcp_option.custom: title. */
  N_("Custom DHCP Option"),
  /* Translators: phone profile fanvil: provisioning.dhcp_option.custom: help; planet-vip: provisioning.dhcp_option.custom: help. */
  N_("The custom DHCP option number, from 128 to 254, when “Custom option” is chosen."),
  /* Translators: phone profile fanvil: provisioning.dhcp_option.custom: note (an unconfirmed fact); planet-vip: provisioning.dhcp_option.custom: note (an unconfirmed fact). */
  N_("Written as the DHCP Option value when “Custom option” is chosen. The default 128 is Phoneset's (the lowest allowed); the phone's own is not known [U]."),
  /* Translators: phone profile fanvil: group title; planet-vip: group title. */
  N_("Static Provisioning Server"),
  /* Translators: phone profile fanvil: provisioning.server.url: help; planet-vip: provisioning.server.url: help. */
  N_("The provisioning server, as a URL that may carry the path of the files (http://192.0.2.1:8080/prov/). PLANET's guide has the server's port entered too; in the file it is part of this URL."),
  /* Translators: phone profile fanvil: provisioning.server.file: title; planet-vip: provisioning.server.file: title. */
  N_("Config File Name"),
  /* Translators: phone profile fanvil: provisioning.server.file: help; planet-vip: provisioning.server.file: help. */
  N_("The name of the phone's own file: the phone replaces $mac with its MAC address, and asks for $input on its screen. Empty: the file named after its MAC address."),
  /* Translators: phone profile fanvil: provisioning.server.user: title; planet-vip: provisioning.server.user: title. */
  N_("Username"),
  /* Translators: phone profile fanvil: provisioning.server.user: help; planet-vip: provisioning.server.user: help. */
  N_("The user name the provisioning server asks for."),
  /* Translators: phone profile fanvil: provisioning.server.user: note (an unconfirmed fact); planet-vip: provisioning.server.user: note (an unconfirmed fact). */
  N_("Taken to be the provisioning server's user name from phone exports (“Default Username”)."),
  /* Translators: phone profile fanvil: provisioning.server.password: title; konftel-300ip: nat.turn.password: title; planet-vip: provisioning.server.password: title; and 3 more. */
  N_("Password"),
  /* Translators: phone profile fanvil: provisioning.server.password: help; planet-vip: provisioning.server.password: help. */
  N_("The password the provisioning server asks for."),
  /* Translators: phone profile fanvil: provisioning.server.password: note (an unconfirmed fact); planet-vip: provisioning.server.password: note (an unconfirmed fact). */
  N_("Taken to be the provisioning server's password from phone exports (“Default Password”)."),
  /* Translators: phone profile fanvil: provisioning.server.protocol: title; planet-vip: provisioning.server.protocol: title. */
  N_("Protocol Type"),
  /* Translators: phone profile fanvil: provisioning.server.protocol: help; planet-vip: provisioning.server.protocol: help. */
  N_("How the phone fetches its files."),
  /* Translators: phone profile fanvil: provisioning.server.protocol: note (an unconfirmed fact); planet-vip: provisioning.server.protocol: note (an unconfirmed fact). */
  N_("The file's numbers for the protocol differ between firmware generations and are not confirmed; Phoneset does not write it. Set it on the phone."),
  /* Translators: phone profile fanvil: provisioning.server.protocol: choice; grandstream-gxp: provisioning.upgrade.via: choice; planet-vip: provisioning.server.protocol: choice; and 1 more. */
  N_("FTP"),
  /* Translators: phone profile fanvil: provisioning.server.protocol: choice; grandstream-alias: provisioning.upgrade.via: choice; grandstream-gxp: provisioning.upgrade.via: choice; and 2 more. */
  N_("TFTP"),
  /* Translators: phone profile fanvil: provisioning.server.protocol: choice; grandstream-alias: provisioning.upgrade.via: choice; grandstream-gxp: provisioning.upgrade.via: choice; and 3 more. */
  N_("HTTP"),
  /* Translators: phone profile fanvil: provisioning.server.protocol: choice; grandstream-alias: provisioning.upgrade.via: choice; grandstream-gxp: provisioning.upgrade.via: choice; and 2 more. */
  N_("HTTPS"),
  /* Translators: phone profile fanvil: provisioning.update.mode: title; planet-vip: provisioning.update.mode: title. */
  N_("Update Mode"),
  /* Translators: phone profile fanvil: provisioning.update.mode: help; planet-vip: provisioning.update.mode: help. */
  N_("When the phone fetches its files from the static server."),
  /* Translators: phone profile fanvil: provisioning.update.mode: note (an unconfirmed fact); planet-vip: provisioning.update.mode: note (an unconfirmed fact). */
  N_("The file's numbers for the update mode are not confirmed; Phoneset does not write it. Set it on the phone."),
  /* Translators: phone profile fanvil: provisioning.update.mode: choice; planet-vip: provisioning.update.mode: choice. */
  N_("Disable"),
  /* Translators: phone profile fanvil: provisioning.update.mode: choice; planet-vip: provisioning.update.mode: choice. */
  N_("Update After Reboot"),
  /* Translators: phone profile fanvil: provisioning.update.mode: choice; planet-vip: provisioning.update.mode: choice. */
  N_("Update at Time Interval"),
  /* Translators: phone profile fanvil: provisioning.update.interval: title; planet-vip: provisioning.update.interval: title. */
  N_("Update Interval"),
  /* Translators: phone profile fanvil: provisioning.update.interval: help; planet-vip: provisioning.update.interval: help. */
  N_("The time between two downloads."),
  /* Translators: phone profile fanvil: provisioning.update.interval: note (an unconfirmed fact); planet-vip: provisioning.update.interval: note (an unconfirmed fact). */
  N_("The unit of the update interval is not stated, nor its range (1–1000 here); exports show 1. Phoneset does not write it. Set it on the phone."),
  /* Translators: phone profile fanvil: page title; fanvil: group title; planet-vip: page title; and 1 more. */
  N_("Active URI"),
  /* Translators: phone profile fanvil: active_uri.enable: title; planet-vip: active_uri.enable: title. */
  N_("Enable Active URI"),
  /* Translators: phone profile fanvil: active_uri.enable: help; planet-vip: active_uri.enable: help. */
  N_("Accept Active URI commands (remote key presses) over HTTP."),
  /* Translators: phone profile fanvil: active_uri.enable: note (an unconfirmed fact); fanvil: action_url.enable: note (an unconfirmed fact); planet-vip: active_uri.enable: note (an unconfirmed fact); and 1 more. */
  N_("Older Fanvil XML files (<VOIP_CONFIG_FILE>) have no known key for it [U]; Phoneset writes it into text files and <sysConf> XML files only."),
  /* Translators: phone profile fanvil: active_uri.allowed_ip: title; planet-vip: active_uri.allowed_ip: title. */
  N_("Active URI Allowed IP"),
  /* Translators: phone profile fanvil: active_uri.allowed_ip: help; planet-vip: active_uri.allowed_ip: help. */
  N_("The computer allowed to send Active URI commands, or “any”. Left blank, the phone handles any request that authenticates."),
  /* Translators: phone profile fanvil: action_url.enable: title; planet-vip: action_url.enable: title. */
  N_("Enable Action URL"),
  /* Translators: phone profile fanvil: action_url.enable: help; planet-vip: action_url.enable: help. */
  N_("Send the Action URL requests below."),
  /* Translators: phone profile fanvil: page title; grandstream-gxp: page title; planet-vip: page title; and 3 more. */
  N_("Action URL"),
  /* Translators: phone profile fanvil: group title; grandstream-gxp: group title; planet-vip: group title; and 3 more. */
  N_("Events"),
  /* Translators: phone profile fanvil: group description; planet-vip: group description; snom: group description. */
  N_("The phone sends an HTTP GET to these URLs when the events happen."),
  /* Translators: phone profile fanvil: action_url.setup_completed: title; planet-vip: action_url.setup_completed: title. */
  N_("Setup completed"),
  /* Translators: phone profile fanvil: action_url.setup_completed: help; fanvil: action_url.registered: help; fanvil: action_url.unregistered: help; and 55 more. */
  N_("The URL the phone requests (HTTP GET) when this happens. The phone replaces the variables $mac, $ip, $model, $firmware, $active_url, $active_user, $active_host, $local, $remote, $display_local, $display_remote and $call_id."),
  /* Translators: phone profile fanvil: action_url.registered: title; planet-vip: action_url.registered: title. */
  N_("Registration succeeded"),
  /* Translators: phone profile fanvil: action_url.unregistered: title; planet-vip: action_url.unregistered: title. */
  N_("Registration disabled"),
  /* Translators: phone profile fanvil: action_url.register_failed: title; planet-vip: action_url.register_failed: title; snom: action_url.register_failed: title. */
  N_("Registration failed"),
  /* Translators: phone profile fanvil: action_url.off_hook: title; planet-vip: action_url.off_hook: title. */
  N_("Phone off hook"),
  /* Translators: phone profile fanvil: action_url.on_hook: title; planet-vip: action_url.on_hook: title. */
  N_("Phone on hook"),
  /* Translators: phone profile fanvil: action_url.incoming_call: title; planet-vip: action_url.incoming_call: title; snom: action_url.incoming_call: title. */
  N_("Incoming call"),
  /* Translators: phone profile fanvil: action_url.outgoing_call: title; planet-vip: action_url.outgoing_call: title; snom: action_url.outgoing_call: title. */
  N_("Outgoing call"),
  /* Translators: phone profile fanvil: action_url.call_established: title; planet-vip: action_url.call_established: title. */
  N_("Call established"),
  /* Translators: phone profile fanvil: action_url.call_terminated: title; planet-vip: action_url.call_terminated: title. */
  N_("Call terminated"),
  /* Translators: phone profile fanvil: action_url.dnd_on: title; planet-vip: action_url.dnd_on: title. */
  N_("DND enabled"),
  /* Translators: phone profile fanvil: action_url.dnd_off: title; planet-vip: action_url.dnd_off: title. */
  N_("DND disabled"),
  /* Translators: phone profile fanvil: action_url.always_fwd_on: title; planet-vip: action_url.always_fwd_on: title. */
  N_("Unconditional forward enabled"),
  /* Translators: phone profile fanvil: action_url.always_fwd_off: title; planet-vip: action_url.always_fwd_off: title. */
  N_("Unconditional forward disabled"),
  /* Translators: phone profile fanvil: action_url.busy_fwd_on: title; planet-vip: action_url.busy_fwd_on: title. */
  N_("Forward on busy enabled"),
  /* Translators: phone profile fanvil: action_url.busy_fwd_off: title; planet-vip: action_url.busy_fwd_off: title. */
  N_("Forward on busy disabled"),
  /* Translators: phone profile fanvil: action_url.no_answer_fwd_on: title; planet-vip: action_url.no_answer_fwd_on: title. */
  N_("Forward on no answer enabled"),
  /* Translators: phone profile fanvil: action_url.no_answer_fwd_off: title; planet-vip: action_url.no_answer_fwd_off: title. */
  N_("Forward on no answer disabled"),
  /* Translators: phone profile fanvil: action_url.transfer_call: title; planet-vip: action_url.transfer_call: title. */
  N_("Call transfer"),
  /* Translators: phone profile fanvil: action_url.blind_transfer_call: title; planet-vip: action_url.blind_transfer_call: title. */
  N_("Unattended call transfer"),
  /* Translators: phone profile fanvil: action_url.blind_transfer_call: note (an unconfirmed fact); planet-vip: action_url.blind_transfer_call: note (an unconfirmed fact). */
  N_("Only older firmware files have a key for this event (<GLOBAL CONFIG MODULE> “B Transfer Url”, <VOIP_CONFIG_FILE> XML); current firmware (<CTI CONFIG MODULE>, <sysConf>) has none known [U]. Phoneset writes that key, into new text files too, and nothing into <sysConf> XML files."),
  /* Translators: phone profile fanvil: action_url.attended_transfer_call: title; planet-vip: action_url.attended_transfer_call: title. */
  N_("Attended call transfer"),
  /* Translators: phone profile fanvil: action_url.attended_transfer_call: note (an unconfirmed fact); planet-vip: action_url.attended_transfer_call: note (an unconfirmed fact). */
  N_("Only older firmware files have a key for this event (<GLOBAL CONFIG MODULE> “A Transfer Url”, <VOIP_CONFIG_FILE> XML); current firmware (<CTI CONFIG MODULE>, <sysConf>) has none known [U]. Phoneset writes that key, into new text files too, and nothing into <sysConf> XML files."),
  /* Translators: phone profile fanvil: action_url.idle_to_busy: title; planet-vip: action_url.idle_to_busy: title. */
  N_("Idle to busy"),
  /* Translators: phone profile fanvil: action_url.idle_to_busy: note (an unconfirmed fact); planet-vip: action_url.idle_to_busy: note (an unconfirmed fact). */
  N_("Only older firmware files have a key for this event (<GLOBAL CONFIG MODULE> “Idle to Busy Url”, <VOIP_CONFIG_FILE> XML); current firmware (<CTI CONFIG MODULE>, <sysConf>) has none known [U]. Phoneset writes that key, into new text files too, and nothing into <sysConf> XML files."),
  /* Translators: phone profile fanvil: action_url.busy_to_idle: title; planet-vip: action_url.busy_to_idle: title. */
  N_("Busy to idle"),
  /* Translators: phone profile fanvil: action_url.busy_to_idle: note (an unconfirmed fact); planet-vip: action_url.busy_to_idle: note (an unconfirmed fact). */
  N_("Only older firmware files have a key for this event (<GLOBAL CONFIG MODULE> “Busy to Idle Url”, <VOIP_CONFIG_FILE> XML); current firmware (<CTI CONFIG MODULE>, <sysConf>) has none known [U]. Phoneset writes that key, into new text files too, and nothing into <sysConf> XML files."),
  /* Translators: phone profile fanvil: action_url.hold: title; planet-vip: action_url.hold: title. */
  N_("Call hold"),
  /* Translators: phone profile fanvil: action_url.unhold: title; planet-vip: action_url.unhold: title. */
  N_("Call resume"),
  /* Translators: phone profile fanvil: action_url.mute: title; planet-vip: action_url.mute: title; yealink-legacy: action_url.mute: title; and 1 more. */
  N_("Mute"),
  /* Translators: phone profile fanvil: action_url.unmute: title; planet-vip: action_url.unmute: title. */
  N_("Unmute"),
  /* Translators: phone profile fanvil: action_url.missed_call: title; planet-vip: action_url.missed_call: title; snom: action_url.missed_call: title. */
  N_("Missed call"),
  /* Translators: phone profile fanvil: action_url.ip_change: title; planet-vip: action_url.ip_change: title. */
  N_("IP address changed"),
  /* Translators: phone profile grandstream-alias: profile description. */
  N_("Grandstream GXP21xx desk phones with firmware 1.0.11 and later and GRP26xx phones, provisioned with XML files in alias names (<config version=\"2\">, <item name=\"account.1.sip.userid\">)."),
  /* Translators: phone profile grandstream-alias: page title; grandstream-gxp: page title. */
  N_("Network Settings"),
  /* Translators: phone profile grandstream-alias: line.{n}.stun.enable: title; grandstream-gxp: line.{n}.stun.enable: title. Keep “{n}”: it is the line (account) number. */
  N_("Account {n}: NAT Traversal"),
  /* Translators: phone profile grandstream-alias: line.{n}.stun.enable: help. Keep “{n}”: it is the line (account) number. */
  N_("How account {n} gets through a NAT: STUN finds the public address with the STUN server; Keep-alive only holds the binding open."),
  /* Translators: phone profile grandstream-alias: line.{n}.stun.enable: note (an unconfirmed fact). */
  N_("The choices are numbered as the P-value files number them (0 No, 1 STUN …), so that the STUN check's “1” and “0” mean STUN and No; the file holds the alias (No, STUN, KeepAlive, UPnP, Auto, VPN) [T]."),
  /* Translators: phone profile grandstream-alias: line.{n}.stun.enable: choice; grandstream-alias: provisioning.dhcp.enable: choice; grandstream-alias: provisioning.auto_upgrade: choice; and 3 more. */
  N_("No"),
  /* Translators: phone profile grandstream-alias: line.{n}.stun.enable: choice; grandstream-gxp: line.{n}.stun.enable: choice; snom-c520: group title; and 1 more. */
  N_("Keep-alive"),
  /* Translators: phone profile grandstream-alias: line.{n}.stun.enable: choice; grandstream-gxp: line.{n}.stun.enable: choice. */
  N_("UPnP"),
  /* Translators: phone profile grandstream-alias: line.{n}.stun.enable: choice; grandstream-gxp: line.{n}.stun.enable: choice. */
  N_("Auto"),
  /* Translators: phone profile grandstream-alias: line.{n}.stun.enable: choice; grandstream-gxp: line.{n}.stun.enable: choice. */
  N_("VPN"),
  /* Translators: phone profile grandstream-alias: page title; grandstream-gxp: page title; konftel-300ip: group title. */
  N_("Account 1"),
  /* Translators: phone profile grandstream-alias: group title; grandstream-gxp: group title. */
  N_("General Settings"),
  /* Translators: phone profile grandstream-alias: line.{n}.server: title; grandstream-gxp: line.{n}.server: title; snom-c520: line.{n}.server: title. Keep “{n}”: it is the line (account) number. */
  N_("Account {n}: SIP Server"),
  /* Translators: phone profile grandstream-alias: line.{n}.server: help; grandstream-gxp: line.{n}.server: help. Keep “{n}”: it is the line (account) number. */
  N_("The SIP server (registrar) of account {n}, with “:port” if not 5060."),
  /* Translators: phone profile grandstream-alias: line.{n}.number: title; grandstream-gxp: line.{n}.number: title. Keep “{n}”: it is the line (account) number. */
  N_("Account {n}: SIP User ID"),
  /* Translators: phone profile grandstream-alias: line.{n}.number: help; grandstream-gxp: line.{n}.number: help; yealink-legacy: line.{n}.number: help; and 1 more. Keep “{n}”: it is the line (account) number. */
  N_("The SIP user name (number or extension) of account {n}."),
  /* Translators: phone profile grandstream-alias: line.{n}.auth.user: title; grandstream-gxp: line.{n}.auth.user: title. Keep “{n}”: it is the line (account) number. */
  N_("Account {n}: Authenticate ID"),
  /* Translators: phone profile grandstream-alias: line.{n}.auth.user: help; grandstream-gxp: line.{n}.auth.user: help. Keep “{n}”: it is the line (account) number. */
  N_("The name account {n} authenticates with, if not the SIP User ID."),
  /* Translators: phone profile grandstream-alias: line.{n}.auth.password: title; grandstream-gxp: line.{n}.auth.password: title. Keep “{n}”: it is the line (account) number. */
  N_("Account {n}: Authenticate Password"),
  /* Translators: phone profile grandstream-alias: line.{n}.auth.password: help; grandstream-gxp: line.{n}.auth.password: help. Keep “{n}”: it is the line (account) number. */
  N_("The SIP password of account {n}."),
  /* Translators: phone profile grandstream-alias: group title; grandstream-gxp: group title. */
  N_("SIP Settings"),
  /* Translators: phone profile grandstream-alias: sip.port: title; grandstream-gxp: sip.port: title; poly-uc: sip.port: title; and 4 more. */
  N_("Local SIP Port"),
  /* Translators: phone profile grandstream-alias: sip.port: help; grandstream-gxp: sip.port: help. */
  N_("The local port account 1 sends and receives SIP on."),
  /* Translators: phone profile grandstream-alias: sip.port: note (an unconfirmed fact). */
  N_("Account 1's port; each account has its own (account.N.sip.localPort), which Phoneset does not write [T]."),
  /* Translators: phone profile grandstream-alias: page title; grandstream-gxp: page title. */
  N_("Advanced Network Settings"),
  /* Translators: phone profile grandstream-alias: group title; grandstream-gxp: group title; poly-uc: group title; and 1 more. */
  N_("NAT"),
  /* Translators: phone profile grandstream-alias: nat.stun.server: title; grandstream-gxp: nat.stun.server: title; poly-uc: nat.stun.server: title; and 3 more. */
  N_("STUN Server"),
  /* Translators: phone profile grandstream-alias: nat.stun.server: help; grandstream-gxp: nat.stun.server: help. */
  N_("The STUN server's domain name or IP address (with “:port” if not 3478)."),
  /* Translators: phone profile grandstream-alias: nat.stun.server: note (an unconfirmed fact). */
  N_("The web interface path is that of the P-value firmware's manuals' layout and unconfirmed for the alias firmware [U]."),
  /* Translators: phone profile grandstream-alias: nat.keepalive.interval: title; grandstream-gxp: nat.keepalive.interval: title; snom-c520: nat.keepalive.interval: title. */
  N_("Keep-alive Interval"),
  /* Translators: phone profile grandstream-alias: nat.keepalive.interval: help; grandstream-gxp: nat.keepalive.interval: help. */
  N_("Seconds between the NAT keep-alive packets the phone sends to the SIP server."),
  /* Translators: phone profile grandstream-alias: vlan.enable: title. */
  N_("Enable Manual VLAN Configuration"),
  /* Translators: phone profile grandstream-alias: vlan.enable: help. */
  N_("Tag the phone's traffic with the VLAN below."),
  /* Translators: phone profile grandstream-alias: vlan.id: title; grandstream-gxp: vlan.id: title. */
  N_("Layer 2 QoS 802.1Q/VLAN Tag"),
  /* Translators: phone profile grandstream-alias: vlan.id: help; snom-c520: vlan.id: help. */
  N_("The VLAN the phone's traffic is tagged with."),
  /* Translators: phone profile grandstream-alias: vlan.priority: title; grandstream-gxp: vlan.priority: title. */
  N_("Layer 2 QoS 802.1p Priority Value"),
  /* Translators: phone profile grandstream-alias: vlan.priority: help; grandstream-gxp: vlan.priority: help; snom-c520: vlan.priority: help. */
  N_("The 802.1p priority (CoS, 0–7) of the phone's tagged traffic."),
  /* Translators: phone profile grandstream-alias: vlan.pc.id: title; grandstream-gxp: vlan.pc.id: title. */
  N_("PC Port VLAN Tag"),
  /* Translators: phone profile grandstream-alias: vlan.pc.id: help; grandstream-gxp: vlan.pc.id: help. */
  N_("The VLAN of the traffic of the computer on the phone's PC port."),
  /* Translators: phone profile grandstream-alias: qos.dscp.sip: title; grandstream-gxp: qos.dscp.sip: title. */
  N_("Layer 3 QoS for SIP"),
  /* Translators: phone profile grandstream-alias: qos.dscp.sip: help; grandstream-gxp: qos.dscp.sip: help. */
  N_("The DSCP value of SIP packets (0–63)."),
  /* Translators: phone profile grandstream-alias: qos.dscp.rtp: title; grandstream-gxp: qos.dscp.rtp: title. */
  N_("Layer 3 QoS for RTP"),
  /* Translators: phone profile grandstream-alias: qos.dscp.rtp: help; grandstream-gxp: qos.dscp.rtp: help; yealink-legacy: qos.dscp.rtp: help; and 1 more. */
  N_("The DSCP value of voice (RTP) packets; 46 (Expedited Forwarding) is usual."),
  /* Translators: phone profile grandstream-alias: page title; grandstream-gxp: page title. */
  N_("Upgrade and Provisioning"),
  /* Translators: phone profile grandstream-alias: group title; grandstream-gxp: group title. */
  N_("Config"),
  /* Translators: phone profile grandstream-alias: provisioning.upgrade.via: title; grandstream-gxp: provisioning.upgrade.via: title. */
  N_("Config Upgrade Via"),
  /* Translators: phone profile grandstream-alias: provisioning.upgrade.via: help; grandstream-gxp: provisioning.upgrade.via: help. */
  N_("The protocol the phone fetches its files with."),
  /* Translators: phone profile grandstream-alias: provisioning.server.url: title; grandstream-gxp: provisioning.server.url: title. */
  N_("Config Server Path"),
  /* Translators: phone profile grandstream-alias: provisioning.server.url: help; grandstream-gxp: provisioning.server.url: help. */
  N_("Where the phone fetches its cfg<MAC>.xml: a host and path without the protocol (pbx.example.com/provision)."),
  /* Translators: phone profile grandstream-alias: provisioning.server.user: title; grandstream-gxp: provisioning.server.user: title. */
  N_("HTTP/HTTPS User Name"),
  /* Translators: phone profile grandstream-alias: provisioning.server.user: help; grandstream-gxp: provisioning.server.user: help. */
  N_("The user name for the provisioning server."),
  /* Translators: phone profile grandstream-alias: provisioning.server.password: title; grandstream-gxp: provisioning.server.password: title. */
  N_("HTTP/HTTPS Password"),
  /* Translators: phone profile grandstream-alias: provisioning.server.password: help; grandstream-gxp: provisioning.server.password: help; yealink-legacy: provisioning.server.password: help; and 1 more. */
  N_("The password for the provisioning server."),
  /* Translators: phone profile grandstream-alias: provisioning.firmware.url: title; grandstream-gxp: provisioning.firmware.url: title. */
  N_("Firmware Server Path"),
  /* Translators: phone profile grandstream-alias: provisioning.firmware.url: help; grandstream-gxp: provisioning.firmware.url: help. */
  N_("Where the phone fetches firmware: a host and path without the protocol."),
  /* Translators: phone profile grandstream-alias: provisioning.dhcp.enable: title; grandstream-gxp: provisioning.dhcp.enable: title. */
  N_("Allow DHCP Option 43 and Option 66 to Override Server"),
  /* Translators: phone profile grandstream-alias: provisioning.dhcp.enable: help; grandstream-gxp: provisioning.dhcp.enable: help. */
  N_("Whether a server path from DHCP (option 66, or 43) replaces the one configured here."),
  /* Translators: phone profile grandstream-alias: provisioning.dhcp.enable: choice; grandstream-gxp: provisioning.dhcp.enable: choice. */
  N_("Yes"),
  /* Translators: phone profile grandstream-alias: provisioning.dhcp.enable: choice; grandstream-gxp: provisioning.dhcp.enable: choice. */
  N_("Prefer, fallback when failed"),
  /* Translators: phone profile grandstream-alias: provisioning.auto_upgrade: title; grandstream-gxp: provisioning.auto_upgrade: title. */
  N_("Automatic Upgrade"),
  /* Translators: phone profile grandstream-alias: provisioning.auto_upgrade: help; grandstream-gxp: provisioning.auto_upgrade: help. */
  N_("Whether and when the phone checks for new files on its own."),
  /* Translators: phone profile grandstream-alias: provisioning.auto_upgrade: choice. */
  N_("Check every day"),
  /* Translators: phone profile grandstream-alias: provisioning.auto_upgrade: choice. */
  N_("Check every week"),
  /* Translators: phone profile grandstream-alias: provisioning.auto_upgrade: choice. */
  N_("Check at a period time"),
  /* Translators: phone profile grandstream-gxp: profile description. */
  N_("Grandstream GXP21xx and GXP16xx desk phones, GRP26xx carrier-grade phones and the GAC2500 conference phone, provisioned with XML P-value files (cfg<MAC>.xml)."),
  /* Translators: phone profile grandstream-gxp: group description. */
  N_("Grandstream chooses one NAT traversal method per account; the STUN server and the keep-alive interval are the phone's."),
  /* Translators: phone profile grandstream-gxp: line.{n}.stun.enable: help. Keep “{n}”: it is the line (account) number. */
  N_("How account {n} gets through a NAT: STUN finds the public address with the STUN server below; Keep-alive only holds the binding open."),
  /* Translators: phone profile grandstream-gxp: line.{n}.stun.enable: note (an unconfirmed fact). */
  N_("The values are Grandstream's numbers (0 No, 1 STUN, 2 Keep-alive, 3 UPnP, 4 Auto, 5 VPN), so that the STUN check's “1” and “0” mean STUN and No. The default is 0 on the GXP21xx and GRP26xx templates and 2 (Keep-alive) on the GAC2500's [T]."),
  /* Translators: phone profile grandstream-gxp: nat.stun.server: note (an unconfirmed fact). */
  N_("The web interface path of the STUN server and the keep-alive interval is that of newer firmware; older firmware has them under Settings › General Settings [U]."),
  /* Translators: phone profile grandstream-gxp: vlan.id: help. */
  N_("The VLAN the phone's traffic is tagged with; 0 sends it untagged."),
  /* Translators: phone profile grandstream-gxp: vlan.id: note (an unconfirmed fact). */
  N_("The GAC2500 template gives the range as 0–4095; the desk phones' 0–4094 is used [T]."),
  /* Translators: phone profile grandstream-gxp: vlan.pc.id: note (an unconfirmed fact). */
  N_("Only the GRP26xx template writes it; the GAC2500 has no PC port [T]."),
  /* Translators: phone profile grandstream-gxp: qos.dscp.sip: note (an unconfirmed fact). */
  N_("FusionPBX's GRP26xx template writes 26, the GAC2500 template says its default is 48 [T]; the older GXP21xx firmware has one Layer 3 QoS value for SIP and RTP, P38 [T]."),
  /* Translators: phone profile grandstream-gxp: qos.dscp.rtp: note (an unconfirmed fact). */
  N_("The older GXP21xx firmware reads P38 (“Layer 3 QoS”, default 12, IP Diff-Serv or Precedence value); a file that has P38 gets P38 edited [T]."),
  /* Translators: phone profile grandstream-gxp: sip.port: note (an unconfirmed fact). */
  N_("Account 1's port; the other accounts have their own P-values, which Phoneset does not write [T]."),
  /* Translators: phone profile grandstream-gxp: provisioning.upgrade.via: note (an unconfirmed fact). */
  N_("The GXP21xx and GAC2500 templates call it “Firmware Upgrade Via” and list only TFTP, HTTP, HTTPS (GAC2500: also Manual Upload, 3); FTP and FTPS are the GRP26xx's [T]."),
  /* Translators: phone profile grandstream-gxp: provisioning.upgrade.via: choice; poly-uc: provisioning.server.protocol: choice. */
  N_("FTPS"),
  /* Translators: phone profile grandstream-gxp: provisioning.server.url: note (an unconfirmed fact). */
  N_("Grandstream takes the protocol from Config Upgrade Via; the templates write a host and path only [T]."),
  /* Translators: phone profile grandstream-gxp: provisioning.dhcp.enable: note (an unconfirmed fact). */
  N_("“Prefer, fallback when failed” (2) is only in the GRP26xx template [T]."),
  /* Translators: phone profile grandstream-gxp: provisioning.auto_upgrade: note (an unconfirmed fact). */
  N_("What 1–3 mean differs between the templates (GXP21xx: 0 No, 1 Yes; GAC2500: every day, every week, at a period; GRP26xx: every N minutes, daily, day of week) [T]."),
  /* Translators: phone profile grandstream-gxp: provisioning.auto_upgrade: choice. */
  N_("Yes, check every day / every N minutes"),
  /* Translators: phone profile grandstream-gxp: provisioning.auto_upgrade: choice. */
  N_("Yes, check every week / daily"),
  /* Translators: phone profile grandstream-gxp: provisioning.auto_upgrade: choice. */
  N_("Yes, check on a day of the week / at a period"),
  /* Translators: phone profile grandstream-gxp: group description; yealink-legacy: group description; yealink-v8x: group description. */
  N_("The phone requests these URLs when events happen (Action URL)."),
  /* Translators: phone profile grandstream-gxp: action_url.setup_completed: title; yealink-legacy: action_url.setup_completed: title; yealink-v8x: action_url.setup_completed: title. */
  N_("Setup Completed"),
  /* Translators: phone profile grandstream-gxp: action_url.setup_completed: help; grandstream-gxp: action_url.registered: help; grandstream-gxp: action_url.unregistered: help; and 15 more. */
  N_("The URL the phone requests when this happens."),
  /* Translators: phone profile grandstream-gxp: action_url.setup_completed: note (an unconfirmed fact); grandstream-gxp: action_url.registered: note (an unconfirmed fact); grandstream-gxp: action_url.unregistered: note (an unconfirmed fact); and 13 more. */
  N_("Only FusionPBX's GRP26xx template writes the Action URL P-values; whether the GXP21xx and GAC2500 read them, and which variables ($mac, $ip …) the phone replaces in the URL, is unconfirmed [U]."),
  /* Translators: phone profile grandstream-gxp: action_url.registered: title; yealink-legacy: action_url.registered: title; yealink-v8x: action_url.registered: title. */
  N_("Registered"),
  /* Translators: phone profile grandstream-gxp: action_url.unregistered: title; yealink-legacy: action_url.unregistered: title; yealink-v8x: action_url.unregistered: title. */
  N_("Unregistered"),
  /* Translators: phone profile grandstream-gxp: action_url.off_hook: title; yealink-legacy: action_url.off_hook: title; yealink-v8x: action_url.off_hook: title. */
  N_("Off Hook"),
  /* Translators: phone profile grandstream-gxp: action_url.on_hook: title; yealink-legacy: action_url.on_hook: title; yealink-v8x: action_url.on_hook: title. */
  N_("On Hook"),
  /* Translators: phone profile grandstream-gxp: action_url.incoming_call: title; yealink-legacy: action_url.incoming_call: title; yealink-v8x: action_url.incoming_call: title. */
  N_("Incoming Call"),
  /* Translators: phone profile grandstream-gxp: action_url.outgoing_call: title; yealink-legacy: action_url.outgoing_call: title; yealink-v8x: action_url.outgoing_call: title. */
  N_("Outgoing Call"),
  /* Translators: phone profile grandstream-gxp: action_url.missed_call: title; yealink-legacy: action_url.missed_call: title; yealink-v8x: action_url.missed_call: title. */
  N_("Missed Call"),
  /* Translators: phone profile grandstream-gxp: action_url.call_established: title. */
  N_("Established Call"),
  /* Translators: phone profile grandstream-gxp: action_url.call_terminated: title. */
  N_("Terminated Call"),
  /* Translators: phone profile grandstream-gxp: action_url.dnd_on: title; yealink-legacy: action_url.dnd_on: title; yealink-v8x: action_url.dnd_on: title. */
  N_("Open DND"),
  /* Translators: phone profile grandstream-gxp: action_url.dnd_off: title; yealink-legacy: action_url.dnd_off: title; yealink-v8x: action_url.dnd_off: title. */
  N_("Close DND"),
  /* Translators: phone profile grandstream-gxp: action_url.always_fwd_on: title. */
  N_("Open Forward"),
  /* Translators: phone profile grandstream-gxp: action_url.always_fwd_on: note (an unconfirmed fact); grandstream-gxp: action_url.always_fwd_off: note (an unconfirmed fact). */
  N_("Grandstream has one forward event (“Open Forward”, “Close Forward”) for every kind of forward [T]. Only FusionPBX's GRP26xx template writes the Action URL P-values; whether the GXP21xx and GAC2500 read them, and which variables ($mac, $ip …) the phone replaces in the URL, is unconfirmed [U]."),
  /* Translators: phone profile grandstream-gxp: action_url.always_fwd_off: title. */
  N_("Close Forward"),
  /* Translators: phone profile grandstream-gxp: action_url.blind_transfer_call: title; yealink-legacy: action_url.blind_transfer_call: title; yealink-v8x: action_url.blind_transfer_call: title. */
  N_("Blind Transfer"),
  /* Translators: phone profile grandstream-gxp: action_url.attended_transfer_call: title; yealink-legacy: action_url.attended_transfer_call: title; yealink-v8x: action_url.attended_transfer_call: title. */
  N_("Attended Transfer"),
  /* Translators: phone profile grandstream-gxp: action_url.hold: title. */
  N_("Hold Call"),
  /* Translators: phone profile grandstream-gxp: action_url.unhold: title. */
  N_("UnHold Call"),
  /* Translators: phone profile konftel-300ip: profile description. */
  N_("The Konftel 300IP conference phone. Its NAT traversal settings are set in the phone's own menu (seed 000: user guide p. 19)."),
  /* Translators: phone profile konftel-300ip: group description. */
  N_("STUN lets the phone learn its public address and port from a STUN server."),
  /* Translators: phone profile konftel-300ip: nat.stun.server: title. */
  N_("STUN host"),
  /* Translators: phone profile konftel-300ip: nat.stun.server: help. */
  N_("The IP address or public name of the STUN server. Activate STUN if an external SIP server cannot reach the phone behind a firewall or NAT and the SIP server supports STUN; your VoIP provider usually runs a suitable STUN server."),
  /* Translators: phone profile konftel-300ip: group title; poly-uc: nat.ice.enable: title; snom: nat.ice.enable: title; and 2 more. */
  N_("ICE"),
  /* Translators: phone profile konftel-300ip: nat.ice.enable: title. */
  N_("Offer ICE"),
  /* Translators: phone profile konftel-300ip: nat.ice.enable: help. */
  N_("Offer ICE (Interactive Connectivity Establishment) in calls, so that both ends can find the best path for the media through firewalls."),
  /* Translators: phone profile konftel-300ip: nat.ice.enable: note (an unconfirmed fact). */
  N_("The factory default of Offer ICE is not stated in the user guide or the B179 guide; Phoneset assumes off [U]."),
  /* Translators: phone profile konftel-300ip: group title. */
  N_("TURN"),
  /* Translators: phone profile konftel-300ip: nat.turn.server: title. */
  N_("TURN host"),
  /* Translators: phone profile konftel-300ip: nat.turn.server: help. */
  N_("The IP address or public name of the TURN server. TURN relays the media when both ends are behind symmetric NATs; it is a last resort, as relaying costs bandwidth and delay."),
  /* Translators: phone profile konftel-300ip: nat.turn.user: title. */
  N_("TURN User"),
  /* Translators: phone profile konftel-300ip: nat.turn.user: help. */
  N_("The user name for authentication on the TURN server."),
  /* Translators: phone profile konftel-300ip: nat.turn.password: help. */
  N_("The password for authentication on the TURN server."),
  /* Translators: phone profile konftel-300ip: page title; snom-c520: page title. */
  N_("SIP Account"),
  /* Translators: phone profile konftel-300ip: line.1.number: title. */
  N_("User"),
  /* Translators: phone profile konftel-300ip: line.1.number: help. */
  N_("The SIP user name (the extension or number) of account 1."),
  /* Translators: phone profile konftel-300ip: line.1.number: note (an unconfirmed fact). */
  N_("Named in a provider's setup guide for the Konftel 300IPx web interface; the 300IP's own web pages may name it differently."),
  /* Translators: phone profile konftel-300ip: line.1.keepalive.enable: title. */
  N_("Enable Keep Alive"),
  /* Translators: phone profile konftel-300ip: line.1.keepalive.enable: help. */
  N_("Send keep-alive packets so that the NAT router keeps the phone's binding open."),
  /* Translators: phone profile konftel-300ip: line.1.keepalive.enable: note (an unconfirmed fact). */
  N_("Named in a provider's setup guide for the Konftel 300IPx web interface; the factory default is not stated, and off is Phoneset's assumption [U]."),
  /* Translators: phone profile konftel-300ip: group title. */
  N_("Transport"),
  /* Translators: phone profile konftel-300ip: line.1.transport: title. */
  N_("Protocol"),
  /* Translators: phone profile konftel-300ip: line.1.transport: help. */
  N_("The transport the phone uses for SIP. Choose TCP or TLS when the network blocks SIP over UDP."),
  /* Translators: phone profile konftel-300ip: line.1.transport: note (an unconfirmed fact). */
  N_("Named in a provider's setup guide for the Konftel 300IPx web interface; the factory default is not stated, and UDP is Phoneset's assumption [U]."),
  /* Translators: phone profile konftel-300ip: line.1.transport: choice; poly-uc: line.{n}.transport: choice. */
  N_("TLS"),
  /* Translators: phone profile konftel-300ip: sip.port: title. */
  N_("Local port"),
  /* Translators: phone profile konftel-300ip: sip.port: help. */
  N_("The local port the phone sends and receives SIP on."),
  /* Translators: phone profile konftel-300ip: sip.port: note (an unconfirmed fact). */
  N_("Named in a provider's setup guide for the Konftel 300IPx web interface; the factory default is not stated, and 5060, SIP's standard port, is Phoneset's assumption [U]."),
  /* Translators: phone profile planet-vip: profile description. */
  N_("PLANET VIP-1120PT and VIP-2140PT IP phones (Fanvil firmware), as the PLANET administration guide (seed 003) describes them."),
  /* Translators: phone profile planet-vip: nat.keepalive.interval: note (an unconfirmed fact). */
  N_("The key “SIPn UDPUpdate TTL” is from phone exports; its web label and the range 1–3600 s are not confirmed [U]. The default 60 s is that of older Fanvil firmware; PLANET's guide gives none, and current Fanvil firmware ships 30 s."),
  /* Translators: phone profile poly-uc: profile description. */
  N_("Poly (Polycom) VVX desk phones, Trio and SoundStation IP conference phones provisioned with UC Software XML configuration files."),
  /* Translators: phone profile poly-uc: what the phone's HTTP answer 401 means, after the answer. */
  N_("set the push user on the phone: apps.push.username and apps.push.password (empty by default, which leaves the push interface off), and give Phoneset that user and password, not the web admin's."),
  /* Translators: phone profile poly-uc: what the phone's HTTP answer 4xx means, after the answer. */
  N_("the phone's push interface may be off or set to discard this request: set apps.push.messageType to 5 (All) or 4 (Critical only), and apps.push.username and apps.push.password."),
  /* Translators: phone profile poly-uc: what the REST API's HTTP answer 401 means, after the answer. */
  N_("the REST API takes the phone's admin password, user Polycom (Settings › Applications › REST API must be on)."),
  /* Translators: phone profile poly-uc: what the REST API's HTTP answer 403 means, after the answer. */
  N_("the phone may still be busy with another REST request (it takes one at a time): try again."),
  /* Translators: phone profile poly-uc: what the REST API's HTTP answer 404 means, after the answer. */
  N_("the REST API is off or the firmware has none: turn on apps.restapi.enabled (web page: Settings › Applications › REST API; UC Software 5.8.0 or later)."),
  /* Translators: phone profile poly-uc: what the REST API's Status 4000 means, after “refused the request (Status 4000):”. */
  N_("invalid input parameters: the phone does not know a setting or refuses its value"),
  /* Translators: phone profile poly-uc: what the REST API's Status 4001 means, after “refused the request (Status 4001):”. */
  N_("the phone is busy: try again when it is idle"),
  /* Translators: phone profile poly-uc: what the REST API's Status 4003 means, after “refused the request (Status 4003):”. */
  N_("the operation is not allowed on this phone"),
  /* Translators: phone profile poly-uc: what the REST API's Status 4004 means, after “refused the request (Status 4004):”. */
  N_("the operation is not supported by this firmware"),
  /* Translators: phone profile poly-uc: what the REST API's Status 4009 means, after “refused the request (Status 4009):”. */
  N_("too many settings in one request"),
  /* Translators: phone profile poly-uc: what the REST API's Status 4010 means, after “refused the request (Status 4010):”. */
  N_("the phone refuses its REST API while the admin password is the factory one (456): change the admin password on the phone first"),
  /* Translators: phone profile poly-uc: what the REST API's Status 5000 means, after “refused the request (Status 5000):”. */
  N_("the phone failed to process the request"),
  /* Translators: phone profile poly-uc: notes on the phone's REST API. */
  N_("Poly REST API [C]: the enable setting, its menu, the user Polycom and HTTPS are in Polycom's own FAQ [V]; the config/set and config/get requests and the status codes come from public client code, not from the reference manual's pages [U]. Settings go at most 20 a request and are read back. Whether values set this way outrank the provisioning server's files is unconfirmed [U]."),
  /* Translators: phone profile poly-uc: why no configuration can be pushed, after “Phoneset cannot push a configuration to these phones:”. */
  N_("there is no documented HTTP way to make them fetch a file: their provisioning server (device.prov.serverName) is not set over HTTP, and they do not answer SIP PnP as far as known [U]. Push the settings with --via rest (the REST API, UC Software 5.8.0 or later), put the file on the provisioning server they use (“phoneset serve”), or set the server on the phone."),
  /* Translators: phone profile poly-uc: page title. */
  N_("NAT and ICE"),
  /* Translators: phone profile poly-uc: group description. */
  N_("What the phone tells the other side about its public address."),
  /* Translators: phone profile poly-uc: nat.static.address: title. */
  N_("NAT: Public IP Address"),
  /* Translators: phone profile poly-uc: nat.static.address: help. */
  N_("The public address the phone puts in SIP and SDP instead of its own (nat.ip)."),
  /* Translators: phone profile poly-uc: nat.static.address: note (an unconfirmed fact); poly-uc: sip.port: note (an unconfirmed fact); poly-uc: line.{n}.number: note (an unconfirmed fact); and 9 more. */
  N_("The web interface path is unconfirmed [U]."),
  /* Translators: phone profile poly-uc: nat.signal_port: title. */
  N_("NAT: Signaling Port"),
  /* Translators: phone profile poly-uc: nat.signal_port: help. */
  N_("The public SIP port (nat.signalPort); 0 or empty: the phone's own."),
  /* Translators: phone profile poly-uc: nat.signal_port: note (an unconfirmed fact); poly-uc: nat.media_port_start: note (an unconfirmed fact); poly-uc: line.{n}.server.port: note (an unconfirmed fact); and 2 more. */
  N_("The factory default and the web interface path are unconfirmed [U]; the templates this key comes from set it explicitly."),
  /* Translators: phone profile poly-uc: nat.media_port_start: title. */
  N_("NAT: Media Port Start"),
  /* Translators: phone profile poly-uc: nat.media_port_start: help. */
  N_("The first public RTP port (nat.mediaPortStart); 0 or empty: the phone's own."),
  /* Translators: phone profile poly-uc: nat.keepalive.interval: title. */
  N_("NAT: Keep-Alive Interval"),
  /* Translators: phone profile poly-uc: nat.keepalive.interval: help. */
  N_("Seconds between keep-alive packets that hold the NAT binding open; 0 sends none."),
  /* Translators: phone profile poly-uc: nat.keepalive.interval: note (an unconfirmed fact). */
  N_("The range is unconfirmed [U]; FusionPBX's 650 template writes 20, its 4.x one 30. The web interface path is unconfirmed [U]."),
  /* Translators: phone profile poly-uc: group title. */
  N_("ICE, STUN and TURN"),
  /* Translators: phone profile poly-uc: nat.ice.enable: help. */
  N_("Offer ICE candidates in calls (tcpIpApp.ice.enabled)."),
  /* Translators: phone profile poly-uc: nat.ice.enable: note (an unconfirmed fact); poly-uc: nat.stun.server: note (an unconfirmed fact); poly-uc: nat.stun.port: note (an unconfirmed fact); and 4 more. */
  N_("The ICE parameter names (tcpIpApp.ice.*) follow the Poly UC Software administrator guide's ICE table as Phoneset's authors recall it; no template or file in the sources used here writes them, so the names, defaults and menu path are unconfirmed [U]."),
  /* Translators: phone profile poly-uc: nat.stun.server: help. */
  N_("The STUN server ICE gathers server-reflexive candidates from (tcpIpApp.ice.stun.server)."),
  /* Translators: phone profile poly-uc: nat.stun.port: title. */
  N_("STUN UDP Port"),
  /* Translators: phone profile poly-uc: nat.stun.port: help. */
  N_("The STUN server's UDP port (tcpIpApp.ice.stun.udpPort)."),
  /* Translators: phone profile poly-uc: nat.turn.server: title; yealink-legacy: nat.turn.server: title; yealink-v8x: nat.turn.server: title. */
  N_("TURN Server"),
  /* Translators: phone profile poly-uc: nat.turn.server: help. */
  N_("The TURN server ICE relays through (tcpIpApp.ice.turn.server)."),
  /* Translators: phone profile poly-uc: nat.turn.port: title. */
  N_("TURN UDP Port"),
  /* Translators: phone profile poly-uc: nat.turn.port: help. */
  N_("The TURN server's UDP port (tcpIpApp.ice.turn.udpPort)."),
  /* Translators: phone profile poly-uc: nat.turn.user: title; yealink-legacy: nat.turn.user: title; yealink-v8x: nat.turn.user: title. */
  N_("TURN User Name"),
  /* Translators: phone profile poly-uc: nat.turn.user: help. */
  N_("The user name for the TURN server (tcpIpApp.ice.username)."),
  /* Translators: phone profile poly-uc: nat.turn.password: title; yealink-legacy: nat.turn.password: title; yealink-v8x: nat.turn.password: title. */
  N_("TURN Password"),
  /* Translators: phone profile poly-uc: nat.turn.password: help. */
  N_("The password for the TURN server (tcpIpApp.ice.password)."),
  /* Translators: phone profile poly-uc: group title. */
  N_("Local Settings"),
  /* Translators: phone profile poly-uc: sip.port: help. */
  N_("The port the phone listens for SIP on (voIpProt.SIP.local.port)."),
  /* Translators: phone profile poly-uc: line.{n}.number: title. Keep “{n}”: it is the line (account) number. */
  N_("Line {n}: Address"),
  /* Translators: phone profile poly-uc: line.{n}.number: help. Keep “{n}”: it is the line (account) number. */
  N_("The line's SIP address or user part (reg.{n}.address)."),
  /* Translators: phone profile poly-uc: line.{n}.auth.user: title. Keep “{n}”: it is the line (account) number. */
  N_("Line {n}: Authentication User ID"),
  /* Translators: phone profile poly-uc: line.{n}.auth.user: help. Keep “{n}”: it is the line (account) number. */
  N_("The user name the line authenticates with (reg.{n}.auth.userId)."),
  /* Translators: phone profile poly-uc: line.{n}.auth.password: title. Keep “{n}”: it is the line (account) number. */
  N_("Line {n}: Authentication Password"),
  /* Translators: phone profile poly-uc: line.{n}.auth.password: help. Keep “{n}”: it is the line (account) number. */
  N_("The line's SIP password (reg.{n}.auth.password)."),
  /* Translators: phone profile poly-uc: line.{n}.server: title. Keep “{n}”: it is the line (account) number. */
  N_("Line {n}: Server 1 Address"),
  /* Translators: phone profile poly-uc: line.{n}.server: help. Keep “{n}”: it is the line (account) number. */
  N_("The line's first registrar (reg.{n}.server.1.address)."),
  /* Translators: phone profile poly-uc: line.{n}.server.port: title. Keep “{n}”: it is the line (account) number. */
  N_("Line {n}: Server 1 Port"),
  /* Translators: phone profile poly-uc: line.{n}.server.port: help. Keep “{n}”: it is the line (account) number. */
  N_("The registrar's port (reg.{n}.server.1.port); 0 or empty: by DNS or 5060."),
  /* Translators: phone profile poly-uc: line.{n}.transport: title. Keep “{n}”: it is the line (account) number. */
  N_("Line {n}: Server 1 Transport"),
  /* Translators: phone profile poly-uc: line.{n}.transport: help. Keep “{n}”: it is the line (account) number. */
  N_("How SIP reaches the registrar (reg.{n}.server.1.transport)."),
  /* Translators: phone profile poly-uc: line.{n}.transport: choice. */
  N_("DNS NAPTR"),
  /* Translators: phone profile poly-uc: line.{n}.transport: choice. */
  N_("TCP preferred"),
  /* Translators: phone profile poly-uc: line.{n}.transport: choice. */
  N_("UDP only"),
  /* Translators: phone profile poly-uc: line.{n}.transport: choice. */
  N_("TCP only"),
  /* Translators: phone profile poly-uc: group title. */
  N_("VLAN, LLDP and CDP"),
  /* Translators: phone profile poly-uc: vlan.id: help. */
  N_("The voice VLAN's ID (device.net.vlanId), as Wazo's template writes it; 0 or empty: no VLAN."),
  /* Translators: phone profile poly-uc: vlan.id: note (an unconfirmed fact). */
  N_("Poly's web dictionary describes device.net.vlanId with VLAN discovery over DHCP, Wazo's template writes the VLAN ID in it; which one the firmware means is unconfirmed [U]. The factory default and the web interface path are unconfirmed [U]; the templates this key comes from set it explicitly."),
  /* Translators: phone profile poly-uc: lldp.enable: help. */
  N_("Learn the VLAN and negotiate power over LLDP (device.net.lldpEnabled)."),
  /* Translators: phone profile poly-uc: lldp.enable: note (an unconfirmed fact); poly-uc: cdp.enable: note (an unconfirmed fact). */
  N_("The factory default (on) is unconfirmed [U]. The web interface path is unconfirmed [U]."),
  /* Translators: phone profile poly-uc: cdp.enable: title. */
  N_("CDP"),
  /* Translators: phone profile poly-uc: cdp.enable: help. */
  N_("Learn the VLAN and negotiate power over Cisco Discovery Protocol (device.net.cdpEnabled)."),
  /* Translators: phone profile poly-uc: group title; snom-c520: group title; snom: group title; and 2 more. */
  N_("QoS"),
  /* Translators: phone profile poly-uc: qos.dscp.rtp: title; snom: qos.dscp.rtp: title. */
  N_("RTP DSCP"),
  /* Translators: phone profile poly-uc: qos.dscp.rtp: help. */
  N_("The DSCP value of voice packets (qos.ip.rtp.dscp)."),
  /* Translators: phone profile poly-uc: qos.dscp.sip: title. */
  N_("Call Control DSCP"),
  /* Translators: phone profile poly-uc: qos.dscp.sip: help. */
  N_("The DSCP value of SIP packets (qos.ip.callControl.dscp)."),
  /* Translators: phone profile poly-uc: page title; poly-uc: group title; snom-c520: group title; and 2 more. */
  N_("Provisioning Server"),
  /* Translators: phone profile poly-uc: provisioning.server.url: help. */
  N_("The provisioning server, as host, host/path or URL (device.prov.serverName)."),
  /* Translators: phone profile poly-uc: provisioning.server.url: note (an unconfirmed fact). */
  N_("The web interface path is unconfirmed [U]. The phone applies device.* values only with device.set=\"1\" in the file, as every template here writes [T]."),
  /* Translators: phone profile poly-uc: provisioning.server.protocol: title. */
  N_("Server Type"),
  /* Translators: phone profile poly-uc: provisioning.server.protocol: help. */
  N_("The provisioning protocol (device.prov.serverType)."),
  /* Translators: phone profile poly-uc: provisioning.server.protocol: note (an unconfirmed fact). */
  N_("The numbers of the server types and the factory default (HTTP) are unconfirmed [U]; FusionPBX takes the value from a variable. The web interface path is unconfirmed [U]."),
  /* Translators: phone profile poly-uc: provisioning.server.user: title. */
  N_("Server User"),
  /* Translators: phone profile poly-uc: provisioning.server.user: help. */
  N_("The user name for the provisioning server (device.prov.user)."),
  /* Translators: phone profile poly-uc: provisioning.server.password: title. */
  N_("Server Password"),
  /* Translators: phone profile poly-uc: provisioning.server.password: help. */
  N_("The password for the provisioning server (device.prov.password)."),
  /* Translators: phone profile poly-uc: provisioning.dhcp_option: title. */
  N_("Boot Server Option"),
  /* Translators: phone profile poly-uc: provisioning.dhcp_option: help. */
  N_("Which DHCP option gives the provisioning server (device.dhcp.bootSrvUseOpt)."),
  /* Translators: phone profile poly-uc: provisioning.dhcp_option: note (an unconfirmed fact). */
  N_("The values of device.dhcp.bootSrvUseOpt (Option 66, Custom (option 160 by default), Static, Custom and Option 66) and the default are unconfirmed [U]. The web interface path is unconfirmed [U]."),
  /* Translators: phone profile poly-uc: provisioning.dhcp_option: choice. */
  N_("Custom"),
  /* Translators: phone profile poly-uc: provisioning.dhcp_option: choice. */
  N_("Static"),
  /* Translators: phone profile poly-uc: provisioning.dhcp_option: choice. */
  N_("Custom and Option 66"),
  /* Translators: phone profile poly-uc: provisioning.dhcp_option.custom: title. */
  N_("Boot Server Custom Option"),
  /* Translators: phone profile poly-uc: provisioning.dhcp_option.custom: help. */
  N_("The DHCP option number for Custom (device.dhcp.bootSrvOpt); 160 is Poly's usual one."),
  /* Translators: phone profile poly-uc: provisioning.dhcp_option.custom: note (an unconfirmed fact). */
  N_("The default (160) and the range are unconfirmed [U]. The web interface path is unconfirmed [U]."),
  /* Translators: phone profile poly-uc: provisioning.config_files: title. */
  N_("Configuration Files"),
  /* Translators: phone profile poly-uc: provisioning.config_files: help. */
  N_("The files the master file (000000000000.cfg or <mac>.cfg) tells the phone to read, first one first (CONFIG_FILES)."),
  /* Translators: phone profile poly-uc: provisioning.config_files: note (an unconfirmed fact). */
  N_("Only the master file has it; it is not in the phone's menus. The default (none) is unconfirmed [U]."),
  /* Translators: phone profile poly-uc: page title; snom: page title; yealink-legacy: page title; and 1 more. */
  N_("Remote Control"),
  /* Translators: phone profile poly-uc: group title. */
  N_("Push Interface"),
  /* Translators: phone profile poly-uc: group description. */
  N_("The user and the priorities the phone takes pushes from: Phoneset's remote keys go as Critical pushes with this user."),
  /* Translators: phone profile poly-uc: remote.push.message_type: title. */
  N_("Push Message Priority"),
  /* Translators: phone profile poly-uc: remote.push.message_type: help. */
  N_("Which pushed messages the phone takes (apps.push.messageType): None turns the push interface off; Phoneset sends Critical, so Critical or All let its keys through."),
  /* Translators: phone profile poly-uc: remote.push.message_type: note (an unconfirmed fact). */
  N_("What 1 to 3 let through (Normal, Important, High) is unconfirmed [U]. The web interface path is unconfirmed [U]."),
  /* Translators: phone profile poly-uc: remote.push.message_type: choice. */
  N_("None"),
  /* Translators: phone profile poly-uc: remote.push.message_type: choice. */
  N_("Normal"),
  /* Translators: phone profile poly-uc: remote.push.message_type: choice. */
  N_("Important"),
  /* Translators: phone profile poly-uc: remote.push.message_type: choice. */
  N_("High"),
  /* Translators: phone profile poly-uc: remote.push.message_type: choice. */
  N_("Critical"),
  /* Translators: phone profile poly-uc: remote.push.message_type: choice. */
  N_("All"),
  /* Translators: phone profile poly-uc: remote.push.user: title. */
  N_("Push User"),
  /* Translators: phone profile poly-uc: remote.push.user: help. */
  N_("The user name that authenticates push requests (apps.push.username); empty leaves the push interface off. Give Phoneset this user for remote keys, not the web admin."),
  /* Translators: phone profile poly-uc: remote.push.password: title. */
  N_("Push Password"),
  /* Translators: phone profile poly-uc: remote.push.password: help. */
  N_("The password of the push user (apps.push.password)."),
  /* Translators: phone profile poly-uc: remote.push.server_root_url: title. */
  N_("Application Server Root URL"),
  /* Translators: phone profile poly-uc: remote.push.server_root_url: help. */
  N_("The applications server's URL, combined with the phone's address and sent to the phone's browser (apps.push.serverRootURL). Phoneset's keys do not need it."),
  /* Translators: phone profile poly-uc: group title; poly-uc: remote.rest.enable: title. */
  N_("REST API"),
  /* Translators: phone profile poly-uc: group description. */
  N_("The REST API push method sends settings through it (UC Software 5.8.0 or later) as the user Polycom with the admin password, which must not be the factory one."),
  /* Translators: phone profile poly-uc: remote.rest.enable: help. */
  N_("Turn the phone's REST API on (apps.restapi.enabled)."),
  /* Translators: phone profile poly-uc: remote.rest.enable: note (an unconfirmed fact). */
  N_("The factory default (off) is unconfirmed [U]: every client tells users to turn it on."),
  /* Translators: phone profile snom-c520: profile description. */
  N_("The snom C520 WiMi and C620 conference phones, provisioned with their own XML settings files (not the desk phones' <phone-settings>)."),
  /* Translators: phone profile snom-c520: group description. */
  N_("The C520 keeps STUN per account; Phoneset writes the same server for every account."),
  /* Translators: phone profile snom-c520: line.{n}.stun.enable: title. Keep “{n}”: it is the line (account) number. */
  N_("Account {n}: STUN"),
  /* Translators: phone profile snom-c520: line.{n}.stun.enable: help. Keep “{n}”: it is the line (account) number. */
  N_("Find the public address with STUN for account {n}."),
  /* Translators: phone profile snom-c520: nat.stun.server: title. */
  N_("STUN Server Address"),
  /* Translators: phone profile snom-c520: nat.stun.server: help. */
  N_("The STUN server's domain name or IP address. Written for every account."),
  /* Translators: phone profile snom-c520: nat.stun.port: title. */
  N_("STUN Server Port"),
  /* Translators: phone profile snom-c520: nat.stun.port: help. */
  N_("The STUN server's port. Written for every account."),
  /* Translators: phone profile snom-c520: nat.stun.keepalive: title. */
  N_("STUN Keep-alive"),
  /* Translators: phone profile snom-c520: nat.stun.keepalive: help. */
  N_("Refresh the STUN binding while the phone is idle, so that the NAT keeps it open. Written for every account."),
  /* Translators: phone profile snom-c520: nat.stun.refresh: title. */
  N_("STUN Keep-alive Interval"),
  /* Translators: phone profile snom-c520: nat.stun.refresh: help. */
  N_("Seconds between STUN binding refreshes. Written for every account."),
  /* Translators: phone profile snom-c520: nat.stun.refresh: note (an unconfirmed fact). */
  N_("The range the phone accepts is not confirmed [U]; FusionPBX writes 30."),
  /* Translators: phone profile snom-c520: nat.keepalive.enable: help. */
  N_("Send keep-alive messages to the SIP server, which also hold the NAT binding open. Written for every account."),
  /* Translators: phone profile snom-c520: nat.keepalive.interval: help. */
  N_("Seconds between keep-alive messages. Written for every account."),
  /* Translators: phone profile snom-c520: nat.keepalive.interval: note (an unconfirmed fact). */
  N_("Which messages the C520 sends as keep-alives, and the range it accepts, are not confirmed [U]; FusionPBX writes 15."),
  /* Translators: phone profile snom-c520: group title. */
  N_("Account"),
  /* Translators: phone profile snom-c520: line.{n}.number: title. Keep “{n}”: it is the line (account) number. */
  N_("Account {n}: User ID"),
  /* Translators: phone profile snom-c520: line.{n}.number: help. Keep “{n}”: it is the line (account) number. */
  N_("The SIP user (the number) of account {n}."),
  /* Translators: phone profile snom-c520: line.{n}.server: help. Keep “{n}”: it is the line (account) number. */
  N_("The SIP server (proxy) of account {n}."),
  /* Translators: phone profile snom-c520: line.{n}.server.port: title. Keep “{n}”: it is the line (account) number. */
  N_("Account {n}: SIP Server Port"),
  /* Translators: phone profile snom-c520: line.{n}.server.port: help. */
  N_("The SIP server's port."),
  /* Translators: phone profile snom-c520: line.{n}.server.port: note (an unconfirmed fact). */
  N_("The factory default 5060 is unconfirmed [U]: FusionPBX writes the account's own port."),
  /* Translators: phone profile snom-c520: line.{n}.registrar: title. Keep “{n}”: it is the line (account) number. */
  N_("Account {n}: Registrar"),
  /* Translators: phone profile snom-c520: line.{n}.registrar: help. Keep “{n}”: it is the line (account) number. */
  N_("The registration server of account {n}; often the SIP server."),
  /* Translators: phone profile snom-c520: line.{n}.registrar.port: title. Keep “{n}”: it is the line (account) number. */
  N_("Account {n}: Registrar Port"),
  /* Translators: phone profile snom-c520: line.{n}.registrar.port: help. */
  N_("The registration server's port."),
  /* Translators: phone profile snom-c520: sip.port: help. */
  N_("The port the phone sends and receives SIP on. Written for every account."),
  /* Translators: phone profile snom-c520: page title. */
  N_("Network"),
  /* Translators: phone profile snom-c520: vlan.enable: help. */
  N_("Tag the phone's traffic with a VLAN."),
  /* Translators: phone profile snom-c520: vlan.enable: note (an unconfirmed fact). */
  N_("The C520's network keys are not in FusionPBX's C520 template; they are those of VTech's ErisStation (“network.vlan.wan.enable”), the C520's sibling, in the C520's XML form. Unconfirmed on a C520 [U]."),
  /* Translators: phone profile snom-c520: vlan.id: note (an unconfirmed fact). */
  N_("The C520's network keys are not in FusionPBX's C520 template; they are those of VTech's ErisStation (“network.vlan.wan.id”), the C520's sibling, in the C520's XML form. Unconfirmed on a C520 [U]."),
  /* Translators: phone profile snom-c520: vlan.priority: title; snom: vlan.priority: title. */
  N_("VLAN Priority"),
  /* Translators: phone profile snom-c520: vlan.priority: note (an unconfirmed fact). */
  N_("The C520's network keys are not in FusionPBX's C520 template; they are those of VTech's ErisStation (“network.vlan.wan.priority”), the C520's sibling, in the C520's XML form. Unconfirmed on a C520 [U]."),
  /* Translators: phone profile snom-c520: qos.dscp.rtp: help. */
  N_("The DSCP of voice (RTP) packets: 46 is Expedited Forwarding. Written for every account."),
  /* Translators: phone profile snom-c520: qos.dscp.sip: title. */
  N_("Signalling DSCP"),
  /* Translators: phone profile snom-c520: qos.dscp.sip: help. */
  N_("The DSCP of SIP packets: 26 is AF31. Written for every account."),
  /* Translators: phone profile snom-c520: group title; snom-c520: lldp.enable: title. */
  N_("LLDP-MED"),
  /* Translators: phone profile snom-c520: lldp.enable: help. */
  N_("Learn the voice VLAN and QoS from the switch with LLDP-MED."),
  /* Translators: phone profile snom-c520: lldp.enable: note (an unconfirmed fact). */
  N_("The C520's network keys are not in FusionPBX's C520 template; they are those of VTech's ErisStation (“network.lldp_med.enable”), the C520's sibling, in the C520's XML form. Unconfirmed on a C520 [U]."),
  /* Translators: phone profile snom-c520: lldp.interval: title. */
  N_("LLDP-MED Interval"),
  /* Translators: phone profile snom-c520: lldp.interval: help. */
  N_("Seconds between LLDP-MED packets."),
  /* Translators: phone profile snom-c520: lldp.interval: note (an unconfirmed fact). */
  N_("The C520's network keys are not in FusionPBX's C520 template; they are those of VTech's ErisStation (“network.lldp_med.interval”), the C520's sibling, in the C520's XML form. Unconfirmed on a C520 [U]."),
  /* Translators: phone profile snom-c520: page title; snom: group title. */
  N_("Provisioning"),
  /* Translators: phone profile snom-c520: provisioning.server.url: title; yealink-legacy: provisioning.server.url: title; yealink-v8x: provisioning.server.url: title. */
  N_("Server URL"),
  /* Translators: phone profile snom-c520: provisioning.server.url: help. */
  N_("Where the phone fetches its files."),
  /* Translators: phone profile snom-c520: provisioning.server.user: title; yealink-legacy: provisioning.server.user: title; yealink-v8x: provisioning.server.user: title. */
  N_("User Name"),
  /* Translators: phone profile snom-c520: provisioning.server.user: help. */
  N_("The provisioning server's user name."),
  /* Translators: phone profile snom-c520: provisioning.server.password: help. */
  N_("The provisioning server's password."),
  /* Translators: phone profile snom-c520: provisioning.update.on_boot: title. */
  N_("Check at Boot"),
  /* Translators: phone profile snom-c520: provisioning.update.on_boot: help. */
  N_("Fetch the files each time the phone starts."),
  /* Translators: phone profile snom-c520: group title. */
  N_("Plug and Play"),
  /* Translators: phone profile snom-c520: provisioning.pnp.enable: title. */
  N_("Plug-and-Play (PnP)"),
  /* Translators: phone profile snom-c520: provisioning.pnp.enable: help. */
  N_("Ask for the provisioning server by SIP multicast (224.0.1.75) at boot."),
  /* Translators: phone profile snom-c520: provisioning.dhcp_option.enable: title. */
  N_("DHCP Options"),
  /* Translators: phone profile snom-c520: provisioning.dhcp_option.enable: help. */
  N_("Take the provisioning server from DHCP (options 66, 159 and 160 in that order, as FusionPBX writes them)."),
  /* Translators: phone profile snom: profile description. */
  N_("snom desk phones provisioned with XML settings files (firmware 7 and later). The C520 and C620 conference phones have a profile of their own."),
  /* Translators: phone profile snom: group description. */
  N_("snom keeps STUN per identity; Phoneset writes the same values for every identity."),
  /* Translators: phone profile snom: nat.stun.server: help. */
  N_("The STUN server as host or host:port. Written for every identity."),
  /* Translators: phone profile snom: nat.stun.refresh: title. */
  N_("STUN Binding Interval"),
  /* Translators: phone profile snom: nat.stun.refresh: help. */
  N_("Seconds between STUN binding refreshes. Written for every identity."),
  /* Translators: phone profile snom: nat.stun.refresh: note (an unconfirmed fact). */
  N_("snom's default and the range the phone takes are unconfirmed [U]: the full snom 720 and 821 settings files of FusionPBX and Elastix leave it empty; Phoneset shows 0."),
  /* Translators: phone profile snom: nat.ice.enable: help. */
  N_("Offer ICE in calls. Written for every identity."),
  /* Translators: phone profile snom: nat.keepalive.interval: title. */
  N_("Keepalive Interval"),
  /* Translators: phone profile snom: nat.keepalive.interval: help. */
  N_("Seconds between keep-alives that hold the NAT binding open. Written for every identity."),
  /* Translators: phone profile snom: nat.keepalive.interval: note (an unconfirmed fact). */
  N_("snom's default and the range the phone takes are unconfirmed [U]: the full snom 720 and 821 settings files of FusionPBX and Elastix leave it empty, and FusionPBX's D7xx templates write 5 when none is set; Phoneset shows 0."),
  /* Translators: phone profile snom: nat.rport: title. */
  N_("Support RFC 3581 (rport)"),
  /* Translators: phone profile snom: nat.rport: help. */
  N_("Ask the SIP server to answer to the address and port the request came from."),
  /* Translators: phone profile snom: group title. */
  N_("Identities"),
  /* Translators: phone profile snom: line.{n}.number: title. Keep “{n}”: it is the line (account) number. */
  N_("Identity {n}: Account"),
  /* Translators: phone profile snom: line.{n}.number: help. Keep “{n}”: it is the line (account) number. */
  N_("The SIP account (user) of identity {n}."),
  /* Translators: phone profile snom: page title. */
  N_("Network and QoS"),
  /* Translators: phone profile snom: sip.port: help. */
  N_("The local port for SIP."),
  /* Translators: phone profile snom: sip.port: note (an unconfirmed fact). */
  N_("snom's own default is empty, the phone picking a port itself (snom 320 manual p. 92 (azmanual.top/manuals/152420/snom-320.html?page=92); the snom 720 and 821 settings files leave network_id_port empty); Wazo and provisioner.net write 5060, which Phoneset shows [U]."),
  /* Translators: phone profile snom: vlan.id: help. */
  N_("The voice VLAN's ID; 0 sends untagged."),
  /* Translators: phone profile snom: vlan.priority: help. */
  N_("The 802.1p priority of the phone's traffic."),
  /* Translators: phone profile snom: vlan.priority: note (an unconfirmed fact); snom: vlan.pc.id: note (an unconfirmed fact); snom: vlan.pc.priority: note (an unconfirmed fact). */
  N_("The factory default is unconfirmed [U]: snom's own settings files leave it empty."),
  /* Translators: phone profile snom: vlan.pc.id: title. */
  N_("PC Port VLAN ID"),
  /* Translators: phone profile snom: vlan.pc.id: help; yealink-legacy: vlan.pc.id: help; yealink-v8x: vlan.pc.id: help. */
  N_("The VLAN ID of the PC port's traffic."),
  /* Translators: phone profile snom: vlan.pc.priority: title. */
  N_("PC Port VLAN Priority"),
  /* Translators: phone profile snom: vlan.pc.priority: help; yealink-legacy: vlan.pc.priority: help; yealink-v8x: vlan.pc.priority: help. */
  N_("The 802.1p priority of the PC port's traffic."),
  /* Translators: phone profile snom: qos.dscp.rtp: help. */
  N_("The DSCP value of voice (RTP) packets. snom writes the TOS byte (DSCP × 4): 46 is written as 184."),
  /* Translators: phone profile snom: qos.dscp.rtp: note (an unconfirmed fact). */
  N_("The factory default is TOS 160 (DSCP 40): the full snom 720 and 821 settings files of FusionPBX and Elastix, provisioner.net and the snom 320 manual's screenshot all have 160. Wazo writes 184 (DSCP 46, Expedited Forwarding) for voice and SIP alike, its own choice; 46 is the usual value for voice."),
  /* Translators: phone profile snom: qos.dscp.sip: help. */
  N_("The DSCP value of SIP packets, written as the TOS byte: 40 is written as 160."),
  /* Translators: phone profile snom: page title. */
  N_("Update"),
  /* Translators: phone profile snom: provisioning.server.url: title. */
  N_("Setting URL"),
  /* Translators: phone profile snom: provisioning.server.url: help. */
  N_("Where the phone fetches its settings; {mac} stands for its MAC address."),
  /* Translators: phone profile snom: provisioning.pnp.enable: title. */
  N_("PnP Config"),
  /* Translators: phone profile snom: provisioning.pnp.enable: help; yealink-legacy: provisioning.pnp.enable: help; yealink-v8x: provisioning.pnp.enable: help. */
  N_("At start-up, ask for a provisioning server with a SIP multicast SUBSCRIBE (Plug and Play)."),
  /* Translators: phone profile snom: group description. */
  N_("Remote key commands go to /command.htm. If the HTTP user and admin passwords were changed, “hidden tags” must be off for remote control to work."),
  /* Translators: phone profile snom: remote.http_digest: title. */
  N_("Authentication Scheme: Digest"),
  /* Translators: phone profile snom: remote.http_digest: help. */
  N_("Use Digest instead of Basic for the web interface and remote key commands (command.htm)."),
  /* Translators: phone profile snom: action_url.setup_completed: title. */
  N_("Setup finished"),
  /* Translators: phone profile snom: action_url.setup_completed: help; snom: action_url.registered: help; snom: action_url.unregistered: help; and 15 more. */
  N_("The URL the phone requests (HTTP GET) when this happens. The phone replaces $ variables: its settings ($mac, $user_name1…) and, for the current call, $local, $remote, $active_url, $active_user, $active_host, $csta_id, $call-id, $display_local, $display_remote, $active_key and $phone_ip."),
  /* Translators: phone profile snom: action_url.registered: title. */
  N_("Log on"),
  /* Translators: phone profile snom: action_url.unregistered: title. */
  N_("Log off"),
  /* Translators: phone profile snom: action_url.off_hook: title. */
  N_("Off hook"),
  /* Translators: phone profile snom: action_url.on_hook: title. */
  N_("On hook"),
  /* Translators: phone profile snom: action_url.call_established: title. */
  N_("Connected"),
  /* Translators: phone profile snom: action_url.call_terminated: title. */
  N_("Disconnected"),
  /* Translators: phone profile snom: action_url.dnd_on: title. */
  N_("DND on"),
  /* Translators: phone profile snom: action_url.dnd_off: title. */
  N_("DND off"),
  /* Translators: phone profile snom: action_url.transfer_call: title. */
  N_("Transfer"),
  /* Translators: phone profile snom: action_url.blind_transfer_call: title. */
  N_("Blind transfer"),
  /* Translators: phone profile snom: action_url.attended_transfer_call: title. */
  N_("Attended transfer"),
  /* Translators: phone profile snom: action_url.hold: title; yealink-legacy: action_url.hold: title; yealink-v8x: action_url.hold: title. */
  N_("Hold"),
  /* Translators: phone profile snom: action_url.unhold: title. */
  N_("Unhold"),
  /* Translators: phone profile yealink-legacy: profile description. */
  N_("Yealink SIP-T2/T19/T4 desk phones and the CP860 conference phone with firmware before V81 (x.70 to x.80)."),
  /* Translators: phone profile yealink-legacy: group description. */
  N_("This firmware generation has STUN per account and no TURN or ICE settings."),
  /* Translators: phone profile yealink-legacy: nat.stun.server: help. */
  N_("The STUN server's host name or IP address. Older Yealink firmware keeps it per account; Phoneset writes it for every account."),
  /* Translators: phone profile yealink-legacy: nat.stun.port: title; yealink-v8x: nat.stun.port: title. */
  N_("STUN Port"),
  /* Translators: phone profile yealink-legacy: group title; yealink-v8x: group title. */
  N_("ICE and TURN"),
  /* Translators: phone profile yealink-legacy: nat.ice.enable: help; yealink-v8x: nat.ice.enable: help. */
  N_("Offer ICE in calls so that both ends find the best media path. TURN is used as part of ICE."),
  /* Translators: phone profile yealink-legacy: nat.ice.enable: note (an unconfirmed fact). */
  N_("FusionPBX's templates for these phones write ice.enable; which firmware before V81 reads it is unconfirmed. Yealink's old INI files (yealink-ini) have no key for it in the templates seen, so it is not written into them."),
  /* Translators: phone profile yealink-legacy: nat.turn.enable: title; yealink-v8x: nat.turn.enable: title. */
  N_("TURN Active"),
  /* Translators: phone profile yealink-legacy: nat.turn.enable: help; yealink-v8x: nat.turn.enable: help. */
  N_("Relay media through a TURN server when no direct path works."),
  /* Translators: phone profile yealink-legacy: nat.turn.enable: note (an unconfirmed fact). */
  N_("FusionPBX's templates for these phones write sip.nat_turn.enable; which firmware before V81 reads it is unconfirmed. Yealink's old INI files (yealink-ini) have no key for it in the templates seen, so it is not written into them."),
  /* Translators: phone profile yealink-legacy: nat.turn.server: help; yealink-v8x: nat.turn.server: help. */
  N_("The TURN server's host name or IP address."),
  /* Translators: phone profile yealink-legacy: nat.turn.server: note (an unconfirmed fact). */
  N_("FusionPBX's templates for these phones write sip.nat_turn.server; which firmware before V81 reads it is unconfirmed. Yealink's old INI files (yealink-ini) have no key for it in the templates seen, so it is not written into them."),
  /* Translators: phone profile yealink-legacy: nat.turn.port: title; yealink-v8x: nat.turn.port: title. */
  N_("TURN Port"),
  /* Translators: phone profile yealink-legacy: nat.turn.port: help; yealink-v8x: nat.turn.port: help. */
  N_("The TURN server's port."),
  /* Translators: phone profile yealink-legacy: nat.turn.port: note (an unconfirmed fact). */
  N_("FusionPBX's templates for these phones write sip.nat_turn.port; which firmware before V81 reads it is unconfirmed. Yealink's old INI files (yealink-ini) have no key for it in the templates seen, so it is not written into them. The default port 3478 is the STUN standard's; no Yealink source states it."),
  /* Translators: phone profile yealink-legacy: nat.turn.user: help; yealink-v8x: nat.turn.user: help. */
  N_("The user name on the TURN server."),
  /* Translators: phone profile yealink-legacy: nat.turn.user: note (an unconfirmed fact). */
  N_("FusionPBX's templates for these phones write sip.nat_turn.username; which firmware before V81 reads it is unconfirmed. Yealink's old INI files (yealink-ini) have no key for it in the templates seen, so it is not written into them."),
  /* Translators: phone profile yealink-legacy: nat.turn.password: help; yealink-v8x: nat.turn.password: help. */
  N_("The password on the TURN server."),
  /* Translators: phone profile yealink-legacy: nat.turn.password: note (an unconfirmed fact). */
  N_("FusionPBX's templates for these phones write sip.nat_turn.password; which firmware before V81 reads it is unconfirmed. Yealink's old INI files (yealink-ini) have no key for it in the templates seen, so it is not written into them."),
  /* Translators: phone profile yealink-legacy: group title; yealink-legacy: nat.static.enable: title; yealink-v8x: group title; and 1 more. */
  N_("Manual NAT"),
  /* Translators: phone profile yealink-legacy: nat.static.enable: help; yealink-v8x: nat.static.enable: help. */
  N_("Tell the phone its public address by hand instead of learning it."),
  /* Translators: phone profile yealink-legacy: nat.static.enable: note (an unconfirmed fact). */
  N_("FusionPBX's templates for these phones write network.static_nat.enable; which firmware before V81 reads it is unconfirmed. Yealink's old INI files (yealink-ini) have no key for it in the templates seen, so it is not written into them."),
  /* Translators: phone profile yealink-legacy: nat.static.address: title; yealink-v8x: nat.static.address: title. */
  N_("Public IP Address"),
  /* Translators: phone profile yealink-legacy: nat.static.address: help; yealink-v8x: nat.static.address: help. */
  N_("The public address the NAT router shows to the Internet."),
  /* Translators: phone profile yealink-legacy: nat.static.address: note (an unconfirmed fact). */
  N_("FusionPBX's templates for these phones write network.static_nat.addr; which firmware before V81 reads it is unconfirmed. Yealink's old INI files (yealink-ini) have no key for it in the templates seen, so it is not written into them."),
  /* Translators: phone profile yealink-legacy: group title; yealink-v8x: group title. */
  N_("Keep-Alive"),
  /* Translators: phone profile yealink-legacy: nat.keepalive.interval: title; yealink-v8x: nat.keepalive.interval: title. */
  N_("Keep Alive Interval"),
  /* Translators: phone profile yealink-legacy: nat.keepalive.interval: help; yealink-v8x: nat.keepalive.interval: help. */
  N_("How often, in seconds, the phone sends a keep-alive so that the NAT router keeps its binding. It must be shorter than the router's UDP timeout; Phoneset's STUN test measures it. Written for every account: a keep-alive set on account 1 only leaves the other accounts unreachable."),
  /* Translators: phone profile yealink-legacy: nat.keepalive.interval: note (an unconfirmed fact); yealink-v8x: nat.keepalive.interval: note (an unconfirmed fact). */
  N_("The range 15 to 2147483647 seconds is unconfirmed: no source seen states the limits the phone accepts; keep the value well under the router's UDP timeout."),
  /* Translators: phone profile yealink-legacy: line.{n}.keepalive.type: title; yealink-v8x: line.{n}.keepalive.type: title. Keep “{n}”: it is the line (account) number. */
  N_("Account {n}: Keep Alive Type"),
  /* Translators: phone profile yealink-legacy: line.{n}.keepalive.type: help; yealink-v8x: line.{n}.keepalive.type: help. Keep “{n}”: it is the line (account) number. */
  N_("How account {n} keeps its NAT binding open. SIP NOTIFY or OPTIONS keep-alives also refresh the SIP server's view of the phone."),
  /* Translators: phone profile yealink-legacy: line.{n}.keepalive.type: note (an unconfirmed fact). */
  N_("Yealink's old INI files (yealink-ini) have only an on/off keep-alive (EnableUDPUpdate); the SIP OPTIONS and NOTIFY types cannot be written there, so this setting is not written into them."),
  /* Translators: phone profile yealink-legacy: line.{n}.keepalive.type: choice; yealink-v8x: line.{n}.keepalive.type: choice. */
  N_("Default"),
  /* Translators: phone profile yealink-legacy: line.{n}.keepalive.type: choice; yealink-v8x: line.{n}.keepalive.type: choice. */
  N_("SIP OPTIONS"),
  /* Translators: phone profile yealink-legacy: line.{n}.keepalive.type: choice; yealink-v8x: line.{n}.keepalive.type: choice. */
  N_("SIP NOTIFY"),
  /* Translators: phone profile yealink-legacy: group title; yealink-v8x: group title. */
  N_("Accounts"),
  /* Translators: phone profile yealink-legacy: line.{n}.stun.enable: title; yealink-v8x: line.{n}.stun.enable: title. Keep “{n}”: it is the line (account) number. */
  N_("Account {n}: NAT Traversal (STUN)"),
  /* Translators: phone profile yealink-legacy: line.{n}.stun.enable: help; yealink-v8x: line.{n}.stun.enable: help. Keep “{n}”: it is the line (account) number. */
  N_("Use STUN for account {n}."),
  /* Translators: phone profile yealink-legacy: line.{n}.rport: title; yealink-v8x: line.{n}.rport: title. Keep “{n}”: it is the line (account) number. */
  N_("Account {n}: RPort"),
  /* Translators: phone profile yealink-legacy: line.{n}.rport: help; yealink-v8x: line.{n}.rport: help. */
  N_("Ask the SIP server to answer to the address and port the request came from (RFC 3581 rport)."),
  /* Translators: phone profile yealink-legacy: line.{n}.number: title; yealink-v8x: line.{n}.number: title. Keep “{n}”: it is the line (account) number. */
  N_("Account {n}: User Name"),
  /* Translators: phone profile yealink-legacy: group title; yealink-v8x: group title. */
  N_("SIP Ports"),
  /* Translators: phone profile yealink-legacy: group description; yealink-v8x: group description. */
  N_("Yealink's Administrator's Guide calls these the SIP and TLS source ports for NAT traversal."),
  /* Translators: phone profile yealink-legacy: sip.port: help; yealink-v8x: sip.port: help. */
  N_("The local port for SIP over UDP and TCP."),
  /* Translators: phone profile yealink-legacy: sip.tls_port: title; yealink-v8x: sip.tls_port: title. */
  N_("TLS SIP Port"),
  /* Translators: phone profile yealink-legacy: sip.tls_port: help; yealink-v8x: sip.tls_port: help. */
  N_("The local port for SIP over TLS."),
  /* Translators: phone profile yealink-legacy: sip.tls_port: note (an unconfirmed fact). */
  N_("No template of this firmware seen writes sip.tls_listen_port (the V8x ones do): the key is unconfirmed [U] here. Yealink's old INI files (yealink-ini) have no key for this that a source confirms either, so it is not written into them; set it in the web interface."),
  /* Translators: phone profile yealink-legacy: group description; yealink-v8x: group description. */
  N_("All VLAN, QoS and LLDP changes take effect after a reboot."),
  /* Translators: phone profile yealink-legacy: vlan.enable: title; yealink-v8x: vlan.enable: title. */
  N_("Internet Port VLAN"),
  /* Translators: phone profile yealink-legacy: vlan.enable: help; yealink-v8x: vlan.enable: help. */
  N_("Tag the phone's own traffic with a VLAN."),
  /* Translators: phone profile yealink-legacy: vlan.id: title; yealink-v8x: vlan.id: title. */
  N_("Internet Port VID"),
  /* Translators: phone profile yealink-legacy: vlan.id: help; yealink-v8x: vlan.id: help. */
  N_("The VLAN ID of the phone's traffic."),
  /* Translators: phone profile yealink-legacy: vlan.priority: title; yealink-v8x: vlan.priority: title. */
  N_("Internet Port Priority"),
  /* Translators: phone profile yealink-legacy: vlan.priority: help; yealink-v8x: vlan.priority: help. */
  N_("The 802.1p priority (CoS) of the phone's traffic: 5 is voice, 0 is best effort."),
  /* Translators: phone profile yealink-legacy: vlan.pc.enable: title; yealink-v8x: vlan.pc.enable: title. */
  N_("PC Port VLAN"),
  /* Translators: phone profile yealink-legacy: vlan.pc.enable: help; yealink-v8x: vlan.pc.enable: help. */
  N_("Tag the traffic of the computer plugged into the phone's PC port."),
  /* Translators: phone profile yealink-legacy: vlan.pc.id: title; yealink-v8x: vlan.pc.id: title. */
  N_("PC Port VID"),
  /* Translators: phone profile yealink-legacy: vlan.pc.priority: title; yealink-v8x: vlan.pc.priority: title. */
  N_("PC Port Priority"),
  /* Translators: phone profile yealink-legacy: vlan.dhcp.enable: title; yealink-v8x: vlan.dhcp.enable: title. */
  N_("DHCP VLAN"),
  /* Translators: phone profile yealink-legacy: vlan.dhcp.enable: help; yealink-v8x: vlan.dhcp.enable: help. */
  N_("Learn the VLAN from a DHCP option."),
  /* Translators: phone profile yealink-legacy: vlan.dhcp.enable: note (an unconfirmed fact); yealink-legacy: vlan.dhcp.option: note (an unconfirmed fact); yealink-legacy: provisioning.dhcp.enable: note (an unconfirmed fact). */
  N_("Yealink's old INI files (yealink-ini) have no key for this that a source confirms, so it is not written into them; set it in the web interface."),
  /* Translators: phone profile yealink-legacy: vlan.dhcp.option: title; yealink-v8x: vlan.dhcp.option: title. */
  N_("DHCP VLAN Option"),
  /* Translators: phone profile yealink-legacy: vlan.dhcp.option: help; yealink-v8x: vlan.dhcp.option: help. */
  N_("The DHCP option numbers that carry the VLAN, up to five, separated by commas."),
  /* Translators: phone profile yealink-legacy: qos.dscp.rtp: title; yealink-v8x: qos.dscp.rtp: title. */
  N_("Voice QoS (DSCP)"),
  /* Translators: phone profile yealink-legacy: qos.dscp.sip: title; yealink-v8x: qos.dscp.sip: title. */
  N_("SIP QoS (DSCP)"),
  /* Translators: phone profile yealink-legacy: qos.dscp.sip: help; yealink-v8x: qos.dscp.sip: help. */
  N_("The DSCP value of SIP packets; 26 (AF31) is the phone's default."),
  /* Translators: phone profile yealink-legacy: lldp.enable: title; yealink-v8x: lldp.enable: title. */
  N_("LLDP Active"),
  /* Translators: phone profile yealink-legacy: lldp.enable: help; yealink-v8x: lldp.enable: help. */
  N_("Announce the phone to the switch with LLDP, and learn the voice VLAN from it."),
  /* Translators: phone profile yealink-legacy: lldp.interval: title; yealink-v8x: lldp.interval: title. */
  N_("LLDP Packet Interval"),
  /* Translators: phone profile yealink-legacy: provisioning.server.url: help; yealink-v8x: provisioning.server.url: help. */
  N_("Where the phone fetches its configuration files: http://, https://, ftp:// or tftp://."),
  /* Translators: phone profile yealink-legacy: provisioning.server.user: help; yealink-v8x: provisioning.server.user: help. */
  N_("The user name for the provisioning server, if it asks for one."),
  /* Translators: phone profile yealink-legacy: provisioning.pnp.enable: title; yealink-v8x: provisioning.pnp.enable: title. */
  N_("PnP Active"),
  /* Translators: phone profile yealink-legacy: provisioning.dhcp.enable: title; yealink-v8x: provisioning.dhcp.enable: title. */
  N_("DHCP Active"),
  /* Translators: phone profile yealink-legacy: provisioning.dhcp.enable: help; yealink-v8x: provisioning.dhcp.enable: help. */
  N_("Take the provisioning server from DHCP (option 66, 43, or a custom option)."),
  /* Translators: phone profile yealink-legacy: provisioning.dhcp_option.custom: title; yealink-v8x: provisioning.dhcp_option.custom: title. */
  N_("Custom Option"),
  /* Translators: phone profile yealink-legacy: provisioning.dhcp_option.custom: help; yealink-v8x: provisioning.dhcp_option.custom: help. */
  N_("A custom DHCP option (128 to 254) that carries the provisioning URL."),
  /* Translators: phone profile yealink-legacy: provisioning.power_on: title; yealink-v8x: provisioning.power_on: title. */
  N_("Power On"),
  /* Translators: phone profile yealink-legacy: provisioning.power_on: help; yealink-v8x: provisioning.power_on: help. */
  N_("Check the provisioning server every time the phone starts."),
  /* Translators: phone profile yealink-legacy: provisioning.power_on: note (an unconfirmed fact); yealink-legacy: provisioning.repeat.enable: note (an unconfirmed fact). */
  N_("In Yealink's old INI files (yealink-ini) power-on and repeated checks are one value ([ autop_mode ] mode: 0 off, 1 power on, 4 repeatedly, 6 both), so this setting is not written into them on its own."),
  /* Translators: phone profile yealink-legacy: provisioning.repeat.enable: title; yealink-v8x: provisioning.repeat.enable: title. */
  N_("Repeatedly"),
  /* Translators: phone profile yealink-legacy: provisioning.repeat.enable: help; yealink-v8x: provisioning.repeat.enable: help. */
  N_("Check the provisioning server at an interval."),
  /* Translators: phone profile yealink-legacy: provisioning.repeat.interval: title; yealink-v8x: provisioning.repeat.interval: title. */
  N_("Interval (Minutes)"),
  /* Translators: phone profile yealink-legacy: provisioning.repeat.interval: help; yealink-v8x: provisioning.repeat.interval: help. */
  N_("Minutes between two checks of the provisioning server."),
  /* Translators: phone profile yealink-legacy: group title; yealink-legacy: active_uri.enable: title; yealink-v8x: group title; and 1 more. */
  N_("Action URI"),
  /* Translators: phone profile yealink-legacy: active_uri.enable: help; yealink-v8x: active_uri.enable: help. */
  N_("Accept Action URI commands (remote key presses) over HTTP."),
  /* Translators: phone profile yealink-legacy: active_uri.enable: note (an unconfirmed fact). */
  N_("No template of this firmware seen writes features.action_uri.enable (the V8x ones do): the key and its default are unconfirmed [U] here. Yealink's old INI files (yealink-ini) have no key for this that a source confirms, so it is not written into them; set it in the web interface."),
  /* Translators: phone profile yealink-legacy: active_uri.allowed_ip: title; yealink-v8x: active_uri.allowed_ip: title. */
  N_("Action URI Allow IP List"),
  /* Translators: phone profile yealink-legacy: active_uri.allowed_ip: help; yealink-v8x: active_uri.allowed_ip: help. */
  N_("The computers allowed to send Action URI commands: IP addresses, “any”, or patterns like 10.10.*.*. Blank rejects all."),
  /* Translators: phone profile yealink-legacy: active_uri.allowed_ip: note (an unconfirmed fact). */
  N_("The factory default (blank: every request refused) is unconfirmed for this firmware. Yealink's old INI files (yealink-ini) may hold this as ActionURILimitIP in [ Features ], but only one template shows it, commented out [U]; it is not written into them."),
  /* Translators: phone profile yealink-legacy: active_uri.show_prompt: title; yealink-v8x: active_uri.show_prompt: title. */
  N_("Allow Remote Control Prompt"),
  /* Translators: phone profile yealink-legacy: active_uri.show_prompt: help; yealink-v8x: active_uri.show_prompt: help. */
  N_("Ask “Allow remote control?” on the phone's screen the first time a computer sends a command."),
  /* Translators: phone profile yealink-legacy: active_uri.show_prompt: note (an unconfirmed fact). */
  N_("No template of this firmware seen writes features.show_action_uri_option (the V8x ones do): the key and its default are unconfirmed [U] here. Yealink's old INI files (yealink-ini) have no key for this that a source confirms, so it is not written into them; set it in the web interface."),
  /* Translators: phone profile yealink-legacy: action_url.setup_completed: help; yealink-legacy: action_url.registered: help; yealink-legacy: action_url.unregistered: help; and 55 more. */
  N_("The URL the phone requests (HTTP GET) when this happens. Variables such as $mac, $ip, $model and $call_id are replaced by the phone."),
  /* Translators: phone profile yealink-legacy: action_url.register_failed: title; yealink-v8x: action_url.register_failed: title. */
  N_("Register Failed"),
  /* Translators: phone profile yealink-legacy: action_url.call_established: title; yealink-v8x: action_url.call_established: title. */
  N_("Established"),
  /* Translators: phone profile yealink-legacy: action_url.call_terminated: title; yealink-v8x: action_url.call_terminated: title. */
  N_("Terminated"),
  /* Translators: phone profile yealink-legacy: action_url.always_fwd_on: title; yealink-v8x: action_url.always_fwd_on: title. */
  N_("Open Always Forward"),
  /* Translators: phone profile yealink-legacy: action_url.always_fwd_off: title; yealink-v8x: action_url.always_fwd_off: title. */
  N_("Close Always Forward"),
  /* Translators: phone profile yealink-legacy: action_url.busy_fwd_on: title; yealink-v8x: action_url.busy_fwd_on: title. */
  N_("Open Busy Forward"),
  /* Translators: phone profile yealink-legacy: action_url.busy_fwd_off: title; yealink-v8x: action_url.busy_fwd_off: title. */
  N_("Close Busy Forward"),
  /* Translators: phone profile yealink-legacy: action_url.no_answer_fwd_on: title; yealink-v8x: action_url.no_answer_fwd_on: title. */
  N_("Open NoAnswer Forward"),
  /* Translators: phone profile yealink-legacy: action_url.no_answer_fwd_off: title; yealink-v8x: action_url.no_answer_fwd_off: title. */
  N_("Close NoAnswer Forward"),
  /* Translators: phone profile yealink-legacy: action_url.transfer_call: title; yealink-v8x: action_url.transfer_call: title. */
  N_("Transfer Call"),
  /* Translators: phone profile yealink-legacy: action_url.unhold: title; yealink-v8x: action_url.unhold: title. */
  N_("UnHold"),
  /* Translators: phone profile yealink-legacy: action_url.unmute: title; yealink-v8x: action_url.unmute: title. */
  N_("UnMute"),
  /* Translators: phone profile yealink-legacy: action_url.ip_change: title; yealink-v8x: action_url.ip_change: title. */
  N_("IP Changed"),
  /* Translators: phone profile yealink-legacy: action_url.ip_change: note (an unconfirmed fact); yealink-legacy: action_url.idle_to_busy: note (an unconfirmed fact); yealink-legacy: action_url.busy_to_idle: note (an unconfirmed fact). */
  N_("Yealink's old INI files (yealink-ini) have no key for this event in the templates seen ([ ActionURL ] lists 26 others), so it is not written into them."),
  /* Translators: phone profile yealink-legacy: action_url.idle_to_busy: title; yealink-v8x: action_url.idle_to_busy: title. */
  N_("Idle To Busy"),
  /* Translators: phone profile yealink-legacy: action_url.busy_to_idle: title; yealink-v8x: action_url.busy_to_idle: title. */
  N_("Busy To Idle"),
  /* Translators: phone profile yealink-v8x: profile description. */
  N_("Yealink SIP-T4xS/T5x desk phones and CP9xx conference phones with V8x firmware (V81 and later)."),
  /* Translators: phone profile yealink-v8x: group description. */
  N_("Yealink lists three NAT traversal techniques: manual NAT, STUN and ICE. When manual NAT and STUN are both on, manual NAT wins."),
  /* Translators: phone profile yealink-v8x: nat.stun.enable: title. */
  N_("Active"),
  /* Translators: phone profile yealink-v8x: nat.stun.enable: help. */
  N_("Use a STUN server to learn the phone's public address and port."),
  /* Translators: phone profile yealink-v8x: nat.stun.enable: note (an unconfirmed fact). */
  N_("Unconfirmed which V8x firmware reads static.sip.nat_stun.enable and which sip.nat_stun.enable: Yealink's own templates write the first, FusionPBX's T4xS, T27G and CP9xx templates the second. Phoneset keeps the one a file has and writes the first into new files."),
  /* Translators: phone profile yealink-v8x: nat.stun.server: help. */
  N_("The STUN server's host name or IP address."),
  /* Translators: phone profile yealink-v8x: nat.stun.server: note (an unconfirmed fact). */
  N_("Unconfirmed which V8x firmware reads static.sip.nat_stun.server and which sip.nat_stun.server: Yealink's own templates write the first, FusionPBX's T4xS, T27G and CP9xx templates the second. Phoneset keeps the one a file has and writes the first into new files."),
  /* Translators: phone profile yealink-v8x: nat.stun.port: note (an unconfirmed fact). */
  N_("Unconfirmed which V8x firmware reads static.sip.nat_stun.port and which sip.nat_stun.port: Yealink's own templates write the first, FusionPBX's T4xS, T27G and CP9xx templates the second. Phoneset keeps the one a file has and writes the first into new files. The default port 3478 is the STUN standard's; no Yealink source states it."),
  /* Translators: phone profile yealink-v8x: nat.ice.enable: note (an unconfirmed fact). */
  N_("Unconfirmed which V8x firmware reads static.ice.enable and which ice.enable: Yealink's own templates write the first, FusionPBX's T4xS, T27G and CP9xx templates the second. Phoneset keeps the one a file has and writes the first into new files."),
  /* Translators: phone profile yealink-v8x: nat.turn.enable: note (an unconfirmed fact). */
  N_("Unconfirmed which V8x firmware reads static.sip.nat_turn.enable and which sip.nat_turn.enable: Yealink's own templates write the first, FusionPBX's T4xS, T27G and CP9xx templates the second. Phoneset keeps the one a file has and writes the first into new files."),
  /* Translators: phone profile yealink-v8x: nat.turn.server: note (an unconfirmed fact). */
  N_("Unconfirmed which V8x firmware reads static.sip.nat_turn.server and which sip.nat_turn.server: Yealink's own templates write the first, FusionPBX's T4xS, T27G and CP9xx templates the second. Phoneset keeps the one a file has and writes the first into new files."),
  /* Translators: phone profile yealink-v8x: nat.turn.port: note (an unconfirmed fact). */
  N_("Unconfirmed which V8x firmware reads static.sip.nat_turn.port and which sip.nat_turn.port: Yealink's own templates write the first, FusionPBX's T4xS, T27G and CP9xx templates the second. Phoneset keeps the one a file has and writes the first into new files. The default port 3478 is the STUN standard's; no Yealink source states it."),
  /* Translators: phone profile yealink-v8x: nat.turn.user: note (an unconfirmed fact). */
  N_("Unconfirmed which V8x firmware reads static.sip.nat_turn.username and which sip.nat_turn.username: Yealink's own templates write the first, FusionPBX's T4xS, T27G and CP9xx templates the second. Phoneset keeps the one a file has and writes the first into new files."),
  /* Translators: phone profile yealink-v8x: nat.turn.password: note (an unconfirmed fact). */
  N_("Unconfirmed which V8x firmware reads static.sip.nat_turn.password and which sip.nat_turn.password: Yealink's own templates write the first, FusionPBX's T4xS, T27G and CP9xx templates the second. Phoneset keeps the one a file has and writes the first into new files."),
  /* Translators: phone profile yealink-v8x: nat.static.enable: note (an unconfirmed fact). */
  N_("Unconfirmed which V8x firmware reads static.network.static_nat.enable and which network.static_nat.enable: Yealink's own templates write the first, FusionPBX's T4xS, T27G and CP9xx templates the second. Phoneset keeps the one a file has and writes the first into new files."),
  /* Translators: phone profile yealink-v8x: nat.static.address: note (an unconfirmed fact). */
  N_("Unconfirmed which V8x firmware reads static.network.static_nat.addr and which network.static_nat.addr: Yealink's own templates write the first, FusionPBX's T4xS, T27G and CP9xx templates the second. Phoneset keeps the one a file has and writes the first into new files."),
  /* Translators: phone profile yealink-v8x: sip.port: note (an unconfirmed fact). */
  N_("FusionPBX's and Yealink's own templates write this key without “static.”; whether every firmware also reads it with the prefix is unconfirmed."),
  /* Translators: phone profile yealink-v8x: vlan.dhcp.option: note (an unconfirmed fact). */
  N_("Up to five DHCP option numbers (0 to 255), as the x.7x template's comment says; the factory default is unconfirmed."),
  /* Translators: phone profile yealink-v8x: group title. */
  N_("LLDP and CDP"),
  /* Translators: phone profile yealink-v8x: cdp.enable: title. */
  N_("CDP Active"),
  /* Translators: phone profile yealink-v8x: cdp.enable: help. */
  N_("Announce the phone to Cisco switches with CDP."),
  /* Translators: phone profile yealink-v8x: cdp.enable: note (an unconfirmed fact). */
  N_("Whether CDP is on by default is unconfirmed [U]."),
  /* Translators: phone profile yealink-v8x: cdp.interval: title. */
  N_("CDP Packet Interval"),
  /* Translators: phone profile yealink-v8x: cdp.interval: help. */
  N_("Seconds between CDP announcements."),
  /* Translators: phone profile yealink-v8x: cdp.interval: note (an unconfirmed fact). */
  N_("The default 60 s and the range 1 to 3600 s are unconfirmed [U]: LLDP's, taken for CDP."),
};
