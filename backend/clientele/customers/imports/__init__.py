"""Customer import (issue 12): reading uploaded spreadsheets (`reading`), suggesting and
validating the column mapping (`mapping`) and the downloadable template (`template`)."""
