"""stub"""
NARRATIONS = {}
def narration_for(name, params): return NARRATIONS[name](params)
