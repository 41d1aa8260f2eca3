using System;
using System.Collections.Generic;

namespace Acme.Orders
{
// ... existing code ...
}
