"""The pipeline: plan the notebook jobs, execute them in warm kernels, only those whose inputs changed."""
