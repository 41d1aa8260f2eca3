// ... existing code ...
import (
	"fmt"
	"os"
	"strings"
)
// ... existing code ...
