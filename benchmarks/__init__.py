"""The benchmarks (``make bench``). Importing the package pins numpy's and PyTorch's BLAS to one thread.

This runs before any benchmark module, and so before numpy is first imported
(``python -m benchmarks.run``): the thread variables are read only then.
"""

import os

for _variable in (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
):
    os.environ[_variable] = "1"
