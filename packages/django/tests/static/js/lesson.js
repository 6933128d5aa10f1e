console.log("lesson")
