import { useState } from "react";
import { track } from "@/lib/analytics";

// ... existing code ...
