"use client";

import { useEffect, useState } from "react";

/** A hidden field carrying the browser's IANA time zone, so the server counts days as the user does. */
export function TimeZoneField() {
  const [zone, setZone] = useState("");
  useEffect(() => {
    setZone(Intl.DateTimeFormat().resolvedOptions().timeZone ?? "");
  }, []);
  return <input type="hidden" name="timeZone" value={zone} />;
}
