import React from 'react';
import { useState } from 'react';
import { useEffect } from 'react';

import App from './App';

export function Root() {
  const [s] = useState(0);
  useEffect(() => {}, []);
  return <App s={s} />;
}
