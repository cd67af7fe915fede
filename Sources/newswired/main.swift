print("newswired: being written")
