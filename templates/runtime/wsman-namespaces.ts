/**
 * XML namespace URIs of the WS-Management stack (DSP0226 1.x, DSP0230) and CIM-XML (DSP0201), shared by
 * the request builders and the response readers that mof2ts emits for `--binding wsman`.
 * Namespaces are identifiers, never fetched. Prefixes on the wire are not significant: readers compare URIs.
 *
 * Self-contained: no imports, no runtime dependencies.
 */

/** Namespace URIs, by the prefix DSP0226 uses for them in its examples. */
export const WSMAN_NAMESPACES = {
  /** SOAP 1.2 envelope. */
  s: "http://www.w3.org/2003/05/soap-envelope",
  /** WS-Addressing, August 2004 submission (the one DSP0226 1.x requires). */
  wsa: "http://schemas.xmlsoap.org/ws/2004/08/addressing",
  /** WS-Management 1.x (DSP0226). */
  wsman: "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd",
  /** WS-Enumeration, September 2004. */
  wsen: "http://schemas.xmlsoap.org/ws/2004/09/enumeration",
  /** WS-Transfer, September 2004. */
  wxf: "http://schemas.xmlsoap.org/ws/2004/09/transfer",
  /** XML Schema instance (`xsi:nil`, `xsi:type`). */
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  /** WS-CIM common types (`cim:Datetime`, `cim:Interval`, …; DSP0230). */
  cim: "http://schemas.dmtf.org/wbem/wscim/1/common",
} as const;

/** WS-Addressing's anonymous reply address. */
export const WSA_ANONYMOUS = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";

/** Resource URI prefix of DMTF CIM classes (DSP0227): the class name follows. */
export const DMTF_CIM_RESOURCE_URI_PREFIX = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";

/** Resource URI prefix of WMI classes as WinRM exposes them: `<namespace>/<Class>` follows. */
export const WMI_RESOURCE_URI_PREFIX = "http://schemas.microsoft.com/wbem/wsman/1/wmi/";
