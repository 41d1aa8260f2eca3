import React from 'react';
import { useMemo } from 'react';

// ... existing code ...
